import { api } from '../shared/api';

/** The import result shape, for messages the main process sends the window outside a request. */
export const ImportResultSchema = api.importSample.response;
