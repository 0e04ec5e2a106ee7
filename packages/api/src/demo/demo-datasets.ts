import { fileURLToPath } from 'node:url';

/** The bundled data sets `tagwise start` loads into workspaces of their own. */
const datasetsDir = fileURLToPath(new URL('../../../../datasets/', import.meta.url));

export const RETAIL_WORKSPACE = {
  slug: 'online-retail',
  name: 'Online retail (UCI, events)',
  file: `${datasetsDir}online_retail.csv.gz`,
} as const;

export const TELCO_WORKSPACE = {
  slug: 'telco',
  name: 'Telco churn (IBM sample, customers)',
  file: `${datasetsDir}wa_churn.csv`,
} as const;
