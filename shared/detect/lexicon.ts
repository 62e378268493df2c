/**
 * Word lists for detection: attribution cues, vague attributions, source kinds, and the words that make a
 * statement checkable. Kept as data in one place so the rules and the learned tagger's features read the
 * same lists. All entries are lower case, with straight apostrophes (see normalizeWord).
 */
import type { SourceKind } from '../schema/claim';

/** Verbs that attribute speech or belief, as lemma: past, third person, -ing, and irregular forms. */
const CUE_VERBS: Record<string, string[]> = {
  say: ['said', 'says', 'saying', 'say'],
  tell: ['told', 'tells', 'telling', 'tell'],
  report: ['reported', 'reports', 'reporting'],
  announce: ['announced', 'announces', 'announcing'],
  state: ['stated', 'states'],
  add: ['added', 'adds', 'adding'],
  claim: ['claimed', 'claims', 'claiming'],
  argue: ['argued', 'argues', 'arguing'],
  note: ['noted', 'notes', 'noting'],
  explain: ['explained', 'explains', 'explaining'],
  warn: ['warned', 'warns', 'warning'],
  insist: ['insisted', 'insists', 'insisting'],
  write: ['wrote', 'writes', 'writing', 'written'],
  ask: ['asked', 'asks'],
  suggest: ['suggested', 'suggests', 'suggesting'],
  confirm: ['confirmed', 'confirms', 'confirming'],
  deny: ['denied', 'denies', 'denying'],
  clarify: ['clarified', 'clarifies'],
  acknowledge: ['acknowledged', 'acknowledges'],
  admit: ['admitted', 'admits'],
  declare: ['declared', 'declares'],
  tweet: ['tweeted', 'tweets'],
  post: ['posted'],
  estimate: ['estimated', 'estimates'],
  indicate: ['indicate', 'indicates', 'indicated'],
  show: ['showed', 'shows', 'shown'],
  find: ['found', 'finds'],
  believe: ['believe', 'believes', 'believed'],
  think: ['think', 'thinks', 'thought'],
  accuse: ['accused', 'accuses'],
  allege: ['alleged', 'alleges'],
  describe: ['described', 'describes'],
  predict: ['predicted', 'predicts'],
  recall: ['recalled', 'recalls'],
  respond: ['responded', 'responds'],
  reply: ['replied', 'replies'],
  conclude: ['concluded', 'concludes'],
  assert: ['asserted', 'asserts'],
  contend: ['contended', 'contends'],
  maintain: ['maintained', 'maintains'],
  mention: ['mentioned', 'mentions'],
  cite: ['cited', 'cites', 'citing'],
  agree: ['agreed', 'agrees'],
  promise: ['promised', 'promises', 'vowed', 'vows', 'pledged', 'pledges'],
  call: ['called', 'calls'],
  urge: ['urged', 'urges'],
  criticize: ['criticized', 'criticised', 'criticizes'],
  blame: ['blamed', 'blames'],
  quote: ['quoted'],
};

export const CUE_WORDS: ReadonlyMap<string, string> = new Map(Object.entries(CUE_VERBS).flatMap(([lemma, forms]) => forms.map((f) => [f, lemma] as const)));

/** Phrases that are cues as a whole, longest first when they share a start. */
export const CUE_PHRASES: readonly string[][] = [
  ['according', 'to'],
  ['it', 'has', 'been', 'reported'],
  ['it', 'was', 'reported'],
  ['it', 'is', 'reported'],
  ['is', 'said', 'to'],
  ['are', 'said', 'to'],
  ['was', 'said', 'to'],
  ['were', 'said', 'to'],
  ['is', 'believed', 'to'],
  ['are', 'believed', 'to'],
  ['is', 'reported', 'to'],
  ['are', 'reported', 'to'],
  ['reportedly'],
  ['allegedly'],
  ['purportedly'],
  ['supposedly'],
];

/** Cues that attribute to no one in particular (strength "vague"). */
export const VAGUE_CUES: readonly string[] = [
  'reportedly', 'allegedly', 'purportedly', 'supposedly', 'it has been reported', 'it was reported', 'it is reported',
  'is said to', 'are said to', 'was said to', 'were said to', 'is believed to', 'are believed to', 'is reported to', 'are reported to',
];

/** Sources that name no one ("Reports indicate", "According to reports", "sources say"). */
export const VAGUE_SOURCES = new Set([
  'reports', 'report', 'sources', 'source', 'some', 'many', 'others', 'observers', 'critics', 'experts', 'analysts', 'people', 'rumours', 'rumors',
  'media reports', 'local reports', 'unconfirmed reports', 'some reports', 'it', 'they', 'one source', 'a source', 'insiders',
]);

/** Source words and the kind of source they make, checked on the source span's words (the last match wins for multiword). */
export const SOURCE_KIND_WORDS: readonly [SourceKind, readonly string[]][] = [
  ['state_media', ['state media', 'state television', 'state tv', 'state-run', 'state news agency', 'state broadcaster', 'sana', 'xinhua', 'tass', 'ria novosti', 'kcna', 'irna', 'press tv', 'cctv']],
  ['news_agency', ['reuters', 'associated press', 'ap', 'afp', 'agence france-presse', 'bloomberg', 'news agency', 'dpa', 'anadolu', 'efe', 'upi']],
  ['ngo_monitor', ['observatory', 'monitor', 'monitoring group', 'monitors', 'human rights watch', 'amnesty', 'amnesty international', 'red cross', 'red crescent', 'ngo', 'charity', 'watchdog', 'msf', 'médecins sans frontières', 'doctors without borders', 'rights group', 'activists', 'campaigners']],
  ['social_media', ['twitter', 'facebook', 'telegram', 'instagram', 'tiktok', 'youtube', 'social media', 'tweet', 'a post', 'x']],
  ['witness', ['witness', 'witnesses', 'eyewitness', 'eyewitnesses', 'resident', 'residents', 'survivor', 'survivors', 'locals', 'bystanders']],
  ['anonymous', ['sources', 'source', 'anonymity', 'insiders', 'a person familiar', 'people familiar', 'officials who', 'unnamed']],
  ['official', [
    'ministry', 'minister', 'government', 'authorities', 'authority', 'police', 'army', 'military', 'spokesman', 'spokeswoman', 'spokesperson',
    'official', 'officials', 'president', 'presidency', 'prime minister', 'governor', 'mayor', 'department', 'white house', 'pentagon', 'kremlin',
    'state department', 'embassy', 'council', 'commission', 'agency', 'prosecutor', 'prosecutors', 'court', 'judge', 'senator', 'congressman',
    'congresswoman', 'secretary', 'general', 'commander', 'forces', 'administration', 'cabinet', 'parliament', 'united nations', 'un', 'nato',
    'the eu', 'european union', 'senate', 'congress', 'fbi', 'cia', 'campaign',
  ]],
];

/** Words of a casualty figure. */
export const CASUALTY_WORDS = new Set([
  'killed', 'dead', 'died', 'deaths', 'death', 'casualties', 'wounded', 'injured', 'injuries', 'injuring', 'killing', 'fatalities', 'victims',
  'missing', 'displaced', 'refugees', 'lives', 'bodies', 'massacre', 'murdered', 'executed', 'slain', 'hurt', 'toll',
]);

export const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.', 'sept.', 'oct.', 'nov.', 'dec.']);
export const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight', 'overnight']);

export const NUMBER_WORDS = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'twenty',
  'thirty', 'forty', 'fifty', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion', 'billions', 'trillion', 'dozen', 'dozens', 'half',
  'percent', 'per', 'cent', '%',
]);

export const COMPARISON_WORDS = new Set([
  'more', 'less', 'fewer', 'than', 'most', 'least', 'highest', 'lowest', 'largest', 'biggest', 'smallest', 'record', 'increase', 'increased', 'decrease',
  'decreased', 'doubled', 'tripled', 'rose', 'fell', 'risen', 'fallen', 'grew', 'dropped', 'worst', 'best', 'first', 'only', 'since',
]);

export const CAUSE_WORDS = new Set(['because', 'caused', 'causes', 'cause', 'due', 'triggered', 'led', 'result', 'resulted', 'blamed', 'attributed', 'response', 'following', 'after', 'amid', 'responsible']);

/** Place words that introduce a named place after them ("the city of Homs", "in Tartous"). */
export const PLACE_PREPOSITIONS = new Set(['in', 'near', 'at', 'from', 'across', 'to', 'into', 'outside', 'inside', 'throughout']);
export const PLACE_NOUNS = new Set(['city', 'town', 'village', 'port', 'province', 'region', 'country', 'capital', 'state', 'district', 'county', 'border', 'island', 'hometown']);

/**
 * The commonest English function words: a text in which they are rare is not English (see language.ts).
 * Short on purpose: these are frequent enough that a few hundred words of English always contain many.
 */
export const ENGLISH_FUNCTION_WORDS = new Set([
  'the', 'of', 'and', 'to', 'a', 'in', 'is', 'that', 'for', 'it', 'was', 'on', 'with', 'as', 'by', 'he', 'she', 'at', 'from', 'his', 'her', 'are',
  'were', 'be', 'this', 'have', 'has', 'had', 'not', 'but', 'or', 'they', 'an', 'which', 'their', 'its', 'been', 'who', 'will', 'would',
]);
