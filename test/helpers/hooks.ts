import { dropTemplates } from './db';

/** Root hooks (loaded by .mocharc.json): clean what the whole run shares. */
export const mochaHooks = {
  async afterAll() {
    await dropTemplates();
  },
};
