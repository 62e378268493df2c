/**
 * News organisations whose name, alone on a line at the top of a copied article, is the publisher.
 * Data, not rules: `headerLines.ts` also recognises names by shape ("… News", "The … Times", a domain),
 * so this list is for names that have no such shape ("Reuters", "Al Jazeera", "Politico").
 * Compared case-insensitively, with "The " optional.
 */
export const KNOWN_PUBLISHERS: readonly string[] = [
  // Agencies
  'Reuters', 'Associated Press', 'AP', 'AFP', 'Agence France-Presse', 'Bloomberg', 'dpa', 'ANSA', 'EFE', 'Kyodo',
  'Yonhap', 'Xinhua', 'TASS', 'RIA Novosti', 'Interfax', 'Anadolu', 'Anadolu Agency', 'SANA', 'IRNA', 'WAFA', 'PTI',
  'UPI', 'Europa Press', 'Belga', 'Ukrinform',
  // Broadcasters
  'BBC', 'CNN', 'Al Jazeera', 'Al Jazeera English', 'Al Arabiya', 'Sky News', 'NPR', 'PBS', 'CBC', 'RTÉ', 'RTE',
  'Deutsche Welle', 'DW', 'France 24', 'Euronews', 'RFI', 'ABC', 'CBS', 'NBC', 'MSNBC', 'Fox News', 'ITV', 'Channel 4',
  'Channel 4 News', 'CNBC', 'Voice of America', 'VOA', 'Radio Free Europe/Radio Liberty', 'RFE/RL', 'NHK', 'SBS',
  'TRT World', 'Asharq Al-Awsat', 'Syria TV',
  // Papers and sites
  'The Guardian', 'The Observer', 'The Times', 'The Sunday Times', 'The Telegraph', 'The Independent', 'Financial Times',
  'FT', 'The Economist', 'Daily Mail', 'Mail Online', 'MailOnline', 'Daily Express', 'Express', 'The Sun', 'Mirror',
  'Metro', 'Evening Standard', 'The New York Times', 'NYT', 'The Washington Post', 'The Wall Street Journal', 'WSJ',
  'USA Today', 'Los Angeles Times', 'Politico', 'Axios', 'The Atlantic', 'The New Yorker', 'Newsweek', 'Forbes',
  'Business Insider', 'Insider', 'HuffPost', 'BuzzFeed News', 'Vox', 'Vice', 'Vice News', 'The Hill', 'ProPublica',
  'The Intercept', 'Le Monde', 'Le Figaro', 'Libération', 'Der Spiegel', 'Spiegel', 'Die Zeit', 'Süddeutsche Zeitung',
  'Frankfurter Allgemeine', 'El País', 'El Mundo', 'La Repubblica', 'Corriere della Sera', 'NRC', 'De Volkskrant',
  'Haaretz', 'The Times of Israel', 'Ynet', 'Arab News', 'The National', 'Middle East Eye', 'Enab Baladi',
  'Al-Monitor', 'Kurdistan24', 'Rudaw', 'The Hindu', 'Hindustan Times', 'The Times of India', 'Dawn', 'The Daily Star',
  'South China Morning Post', 'SCMP', 'The Straits Times', 'The Japan Times', 'Nikkei Asia', 'The Sydney Morning Herald',
  'The Age', 'The Globe and Mail', 'Toronto Star', 'The Irish Times', 'Kyiv Independent', 'Meduza', 'Novaya Gazeta',
  'The Moscow Times', 'Bellingcat',
];
