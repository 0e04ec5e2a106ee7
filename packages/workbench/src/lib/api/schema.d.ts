// Generated from packages/api/openapi.json by `pnpm --filter @tagwise/workbench generate:client`.
// Do not edit: regenerate after changing the API routes.
export interface paths {
  '/healthz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The process is up (liveness) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Up */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Health'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/readyz': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Ready for traffic: database reachable, migrations current, startup work done */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Ready */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Ready'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not ready; `errors` lists the failing checks */
        503: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List the workspaces this key may see */
    get: {
      parameters: {
        query?: {
          /** @description Page size (1..1000) */
          limit?: number;
          /** @description The `nextCursor` of the previous page */
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One page of workspaces, by slug */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WorkspacePage'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Create a workspace (all-workspace admin keys only) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateWorkspace'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Workspace'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The slug is taken */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a workspace */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The workspace */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Workspace'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The key making this request */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The caller */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WhoAmI'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List keys (a workspace admin sees its workspace's keys) */
    get: {
      parameters: {
        query?: {
          /** @description Page size (1..1000) */
          limit?: number;
          /** @description The `nextCursor` of the previous page */
          cursor?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One page of keys, oldest first */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiKeyPage'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Create an API key (the secret is returned once) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateApiKey'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['IssuedApiKey'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/keys/{keyId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a key (it stops working at once) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          keyId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The revoked key */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ApiKey'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/customers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List customers by external id */
    get: {
      parameters: {
        query?: {
          /** @description Page size (1..1000) */
          limit?: number;
          /** @description The `nextCursor` of the previous page */
          cursor?: string;
          /** @description true = only customers whose features are stale */
          stale?: 'true' | 'false';
        };
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One page of customers */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CustomerPage'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Upsert customers by external id (JSON batch, all or none)
     * @description Up to 10000 customers per batch. Attributes replace the stored ones; a change marks the customer's features stale. Re-sending a batch changes nothing.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CustomerBatch'];
        };
      };
      responses: {
        /** @description Stored */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['UpsertCustomersResult'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/customers/csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Upsert customers from a CSV upload (all or none)
     * @description A text/csv body with a header row, streamed; up to 100000 rows and 64 MiB. The id column (default `customer_id`) holds the external id; every other column becomes an attribute (plain numbers become numbers, empty cells null). Every bad row is reported by line.
     */
    post: {
      parameters: {
        query?: {
          /** @description The column holding the external id */
          idColumn?: string;
        };
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'text/csv': string;
        };
      };
      responses: {
        /** @description Stored */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['UpsertCustomersResult'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many rows or bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/customers/{externalId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get one customer with features, held tags (with provenance), open suggestions and churn */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          /** @description The customer's id in your systems */
          externalId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The customer */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CustomerDetail'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /** Create or replace one customer's attributes */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          /** @description The customer's id in your systems */
          externalId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': {
            /** @example {
             *       "contract": "Month-to-month",
             *       "tenure": 12
             *     } */
            attributes: {
              [key: string]: string | number | boolean | null;
            };
          };
        };
      };
      responses: {
        /** @description The customer */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Customer'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ingest events (JSON batch, all or none, idempotent)
     * @description Up to 10000 events per batch, stored in one transaction. An event whose eventId is already stored is skipped, so re-sending a batch is a no-op. Unknown customers are created. Customers with new events get stale features.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['EventBatch'];
        };
      };
      responses: {
        /** @description Stored */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['IngestEventsResult'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/events/csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Ingest events from a CSV upload (all or none, idempotent)
     * @description A text/csv body with a header row, streamed; up to 100000 rows and 64 MiB. Columns: event_id, customer_id, occurred_at (ISO 8601; no offset = UTC), kind (or the `kind` query parameter), and optionally amount, quantity, invoice, product, category; other columns go into payload. Every bad row is reported by line.
     */
    post: {
      parameters: {
        query?: {
          /** @description Kind for rows without a `kind` cell, e.g. purchase */
          kind?: string;
        };
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'text/csv': string;
        };
      };
      responses: {
        /** @description Stored */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['IngestEventsResult'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Too many rows or bytes */
        413: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/customers/{externalId}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A customer's events in time order */
    get: {
      parameters: {
        query?: {
          /** @description Page size (1..1000) */
          limit?: number;
          /** @description The `nextCursor` of the previous page */
          cursor?: string;
        };
        header?: never;
        path: {
          workspace: string;
          /** @description The customer's id in your systems */
          externalId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One page of events */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['EventPage'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/jobs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List jobs, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Page size (1..200) */
          limit?: number;
          /** @description The `nextCursor` of the previous page */
          cursor?: string;
          kind?: string;
          status?: components['schemas']['JobStatus'];
        };
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One page of jobs */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['JobPage'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Queue a job of a registered kind
     * @description Each kind also declares which roles may start it and validates its params.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateJob'];
        };
      };
      responses: {
        /** @description Queued */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Job'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/jobs/{jobId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a job with its progress, result or error */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          jobId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The job */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Job'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/jobs/{jobId}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a job (queued: at once; running: at its next check)
     * @description The previous results stay active: a cancelled job writes nothing.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          jobId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The job after the request */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Job'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The job already finished */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/jobs/{jobId}/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Server-sent events with the job as it progresses
     * @description Sends `progress` events (data: the Job as JSON) whenever the job changes, then one `end` event with the final Job and closes. Reconnecting clients simply get the current state first.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          jobId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description An event stream */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/event-stream': string;
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/notebooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List notebooks, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Page size (1..200) */
          limit?: number;
          /** @description The `nextCursor` of the previous page */
          cursor?: string;
        };
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One page of notebooks (without their cells) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['NotebookPage'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /** Create a notebook */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateNotebook'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Notebook'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/notebooks/{notebookId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a notebook with its cells */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          notebookId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The notebook */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Notebook'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    /** Delete a notebook (the runs and models it refers to stay) */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          notebookId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Deleted */
        204: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    options?: never;
    head?: never;
    /**
     * Rename a notebook and/or replace its cells (optimistic concurrency)
     * @description Send the `version` you last read. When another change came first the answer is 409 naming who made it: reload, re-apply, retry. Cells are checked: distinct ids, inputs naming cells of this notebook, no dependency cycle. Operators may change review cells only.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          notebookId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PatchNotebook'];
        };
      };
      responses: {
        /** @description The notebook at its new version */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Notebook'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The notebook changed since `version` */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/workspaces/{workspace}/notebooks/{notebookId}/duplicate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Copy a notebook (cells and their result references) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          notebookId: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': components['schemas']['DuplicateNotebook'];
        };
      };
      responses: {
        /** @description The copy */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Notebook'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/features/summary': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Summary of every feature and attribute (count, missing, mean, quantiles, histogram)
     * @description Computed features (from events, as of their cut-off) and customer attributes. Numeric columns get statistics and a 20-bin histogram; text columns their most frequent values.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The summary */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['FeatureSummary'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List tags by slug */
    get: {
      parameters: {
        query?: {
          /** @description Page size (1..500) */
          limit?: number;
          /** @description The `nextCursor` of the previous page */
          cursor?: string;
          kind?: components['schemas']['TagKind'];
          category?: components['schemas']['TagCategory'];
          status?: components['schemas']['TagStatus'];
        };
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One page of tags */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TagPage'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Create a tag
     * @description The slug must follow the naming standard (lower-case ASCII words joined by single hyphens, 2–48 characters); a 422 proposes one that does.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['CreateTag'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Tag'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The slug is taken */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/tags/{tag}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a tag by slug */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          /** @description The tag slug */
          tag: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The tag */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Tag'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a tag's name, description, status or auto-accept switch (audited)
     * @description A deprecated tag keeps its holders but gets no new suggestions. Switching auto-accept on lets suggestions at or above the policy threshold become customer tags without review.
     */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          /** @description The tag slug */
          tag: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PatchTag'];
        };
      };
      responses: {
        /** @description The tag */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Tag'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    trace?: never;
  };
  '/v1/workspaces/{workspace}/cluster-runs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List clustering runs, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Page size (1..200) */
          limit?: number;
          /** @description The `nextCursor` of the previous page */
          cursor?: string;
        };
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One page of runs */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ClusterRunPage'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    /**
     * Start a clustering run (a `cluster-run` job)
     * @description Clusters customers on stored behavioural features and/or numeric attributes. Follow the job (GET or SSE); its result names the run. A run on the same features as the active one matches its clusters to it and carries cluster names over. A cancelled or failed run leaves the previous run active.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ClusterRunParams'];
        };
      };
      responses: {
        /** @description Queued */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Job'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/cluster-runs/{runId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a run: k-selection table, profiles, projected points, matching, cluster names */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          runId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The run */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ClusterRun'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/cluster-runs/{runId}/compare': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Compare a run with an earlier run on the same features (matching, movement, flows) */
    get: {
      parameters: {
        query: {
          /** @description The run to compare with (the earlier one) */
          with: string;
        };
        header?: never;
        path: {
          workspace: string;
          runId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The comparison */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RunComparison'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/cluster-runs/{runId}/clusters/{cluster}/tag': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Name a cluster as a model tag (create the tag or link an existing one)
     * @description Future suggestions for the tag come from membership of this cluster; later runs on the same features carry the name to the matching cluster.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          runId: string;
          /** @description Cluster number, 0..k-1 */
          cluster: number | null;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['NameCluster'];
        };
      };
      responses: {
        /** @description The cluster is named */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['NamedCluster'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The cluster already has a name, or the run was superseded */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/cluster-runs/{runId}/clusters/{cluster}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A cluster's members with their membership confidence and feature values */
    get: {
      parameters: {
        query?: {
          /** @description Page size (1..1000) */
          limit?: number;
          /** @description The `nextCursor` of the previous page */
          cursor?: string;
        };
        header?: never;
        path: {
          workspace: string;
          runId: string;
          /** @description Cluster number, 0..k-1 */
          cluster: number | null;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One page of members */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ClusterMemberPage'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/rule-tables': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The current version of each rule table (RFM segments, lifecycle) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The rule tables */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['RuleTable'][];
            };
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/rule-tables/{ruleTable}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The current version of a rule table */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          ruleTable: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The rule table */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RuleTable'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Replace a rule table (stored as a new version; tags of new rules are created)
     * @description Validated by the engine: a 422 names the spot, e.g. `rules[2].when.all[1].op`. Feature names are checked against the features customers have.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          ruleTable: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PutRuleTable'];
        };
      };
      responses: {
        /** @description The new version */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['RuleTable'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/suggestions/generate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Generate suggestions from every source (a `suggest` job) */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SuggestParams'];
        };
      };
      responses: {
        /** @description Queued */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Job'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/suggestions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The review queue: suggestions by confidence, highest first
     * @description Filter by status (e.g. pending), tag slug, source and a confidence range. Keyset-paginated on (confidence, id).
     */
    get: {
      parameters: {
        query?: {
          /** @description Page size (1..1000) */
          limit?: number;
          /** @description The `nextCursor` of the previous page */
          cursor?: string;
          status?: components['schemas']['SuggestionStatus'];
          /** @description A tag slug */
          tag?: string;
          source?: components['schemas']['SuggestionSource'];
          min_confidence?: number | null;
          max_confidence?: number | null;
        };
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One page of suggestions */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SuggestionPage'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/customers/{externalId}/suggestions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A customer's suggestions, newest first */
    get: {
      parameters: {
        query?: {
          status?: components['schemas']['SuggestionStatus'];
        };
        header?: never;
        path: {
          workspace: string;
          /** @description The customer's id in your systems */
          externalId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The suggestions */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': {
              items: components['schemas']['Suggestion'][];
            };
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/suggestion-policy': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The review and auto-accept confidence thresholds */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The policy */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SuggestionPolicyView'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    /**
     * Set the review and auto-accept confidence thresholds (audited)
     * @description Below `reviewFrom` nothing is suggested; from `autoAcceptFrom` up, tags with auto-accept on are assigned without review; in between, suggestions wait for review.
     */
    put: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['SuggestionPolicy'];
        };
      };
      responses: {
        /** @description The policy */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SuggestionPolicyView'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/suggestions/{suggestionId}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept a pending suggestion: the customer gets the tag
     * @description Exactly one of several concurrent decisions on a suggestion wins; the others get 409 with the decision that won.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          suggestionId: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': components['schemas']['Decision'];
        };
      };
      responses: {
        /** @description Decided */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Suggestion'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Already decided: `decision` says who decided, when and how */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['DecisionConflict'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/suggestions/{suggestionId}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reject a pending suggestion (the source version never suggests it again)
     * @description Exactly one of several concurrent decisions on a suggestion wins; the others get 409 with the decision that won.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          suggestionId: string;
        };
        cookie?: never;
      };
      requestBody?: {
        content: {
          'application/json': components['schemas']['Decision'];
        };
      };
      responses: {
        /** @description Decided */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Suggestion'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Already decided: `decision` says who decided, when and how */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['DecisionConflict'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/suggestions/decide': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Accept or reject every pending suggestion a filter selects (or preview the count)
     * @description Filter by tag slug, source and confidence range; `dryRun: true` only counts, for the preview a person confirms.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['BulkDecision'];
        };
      };
      responses: {
        /** @description How many were (or would be) decided */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['BulkDecisionResult'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/churn/models': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List churn models, newest version first */
    get: {
      parameters: {
        query?: {
          /** @description Page size (1..200) */
          limit?: number;
          /** @description The `nextCursor` of the previous page */
          cursor?: string;
          status?: 'trained' | 'active' | 'retired';
        };
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One page of models (metrics summarised; no weights) */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ChurnModelPage'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/churn/models/{modelId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a churn model with its evaluation, reliability table and importance */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          modelId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The model */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ChurnModelDetail'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/churn/models/{modelId}/activate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Make a model the workspace's active churn model
     * @description Atomic: the active model is retired in the same transaction. Without `override` the model must beat the active one on held-out ROC-AUC for the same label (else 409 with the comparison). With `override: true` and a `reason`, any model is activated; the activation is recorded in the audit log. Scores are not recomputed: queue a churn-score job afterwards.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          modelId: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ActivateChurnModel'];
        };
      };
      responses: {
        /** @description The model, now active */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ChurnModel'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The model does not beat the active one and no override was given */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/churn/train': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Queue a churn-train job
     * @description Checks the request against the data first (422 naming each field: a label attribute that is not two-valued, events that end before the label window closes, unknown feature or attribute names), then queues the job. The job cross-validates, trains, stores the model with its metrics, and activates it only if no model is active or it beats the active one on held-out ROC-AUC for the same label.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChurnTrainParams'];
        };
      };
      responses: {
        /** @description Queued */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Job'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/churn/score': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Queue a churn-score job (every customer, with the active model)
     * @description The new predictions replace the current ones only when the job succeeds; until then (and if it fails) readers keep the previous ones.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChurnScoreParams'];
        };
      };
      responses: {
        /** @description Queued */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Job'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No churn model is active */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/customers/{externalId}/churn': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A customer's current churn prediction
     * @description From the last successful churn-score job. 404 when the customer is unknown or has not been scored yet (the detail says which and why).
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          /** @description The customer's id in your systems */
          externalId: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Probability, risk band, model, time and top factors */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CustomerChurn'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/churn/predict': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Churn probabilities for customers or raw feature rows, with the active model
     * @description Send `customerIds` (stored predictions of the active model, else scored now from stored data) or `rows` (each with exactly the active model's inputs; missing or unexpected columns are a 422 naming them). At most 1000 per call (422 above). 409 when no model is active.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['ChurnPredictRequest'];
        };
      };
      responses: {
        /** @description One item per scored customer or row, in request order */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ChurnPredictResponse'];
          };
        };
        /** @description Malformed request or invalid parameters */
        400: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Missing, unknown or revoked API key */
        401: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description The key's role may not call this route */
        403: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Not found, or not visible to this key */
        404: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description No churn model is active */
        409: {
          headers: {
            [name: string]: unknown;
          };
          content?: never;
        };
        /** @description Invalid body fields (every one is listed) */
        422: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
        /** @description Internal error (logged with the request id) */
        500: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/problem+json': components['schemas']['Problem'];
          };
        };
      };
    };
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    Health: {
      /** @enum {string} */
      status: 'ok';
    };
    Problem: {
      /** @example /problems/validation-failed */
      type: string;
      title: string;
      status: number;
      detail: string;
      instance?: string;
      /** @description Every offending field or row, when the problem is about input */
      errors?: {
        path: string;
        message: string;
      }[];
      requestId: string;
    };
    Ready: {
      /** @enum {string} */
      status: 'ready';
      checks: {
        database: string;
        migrations: string;
        startup: string;
      };
    };
    WorkspacePage: {
      items: components['schemas']['Workspace'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    Workspace: {
      /** @example acme-retail */
      slug: string;
      name: string;
      createdAt: string;
    };
    CreateWorkspace: {
      /** @example acme-retail */
      slug: string;
      name?: string;
    };
    WhoAmI: {
      /** Format: uuid */
      keyId: string;
      name: string;
      role: components['schemas']['Role'];
      workspace: string | null;
    };
    /**
     * @description admin: everything; analyst: ingest, runs, training, naming; operator: review; service: read tags, suggestions and churn, write events
     * @enum {string}
     */
    Role: 'admin' | 'analyst' | 'operator' | 'service';
    IssuedApiKey: {
      key: components['schemas']['ApiKey'];
      /** @description The key itself: shown only in this response, store it now */
      secret: string;
    };
    ApiKey: {
      /** Format: uuid */
      id: string;
      name: string;
      role: components['schemas']['Role'];
      /** @description null = every workspace (admin) */
      workspace: string | null;
      /** @description The first characters of the secret */
      prefix: string;
      createdAt: string;
      lastUsedAt: string | null;
      revokedAt: string | null;
    };
    CreateApiKey: {
      role: components['schemas']['Role'];
      /** @description Workspace slug; omit for an all-workspace admin key */
      workspace?: string;
      name?: string;
    };
    ApiKeyPage: {
      items: components['schemas']['ApiKey'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    UpsertCustomersResult: {
      received: number;
      inserted: number;
      updated: number;
      unchanged: number;
    };
    CustomerBatch: {
      /** @description 1..10000 customers, upserted all or none; attributes replace the stored ones */
      customers: components['schemas']['CustomerInput'][];
    };
    CustomerInput: {
      /**
       * @description The customer's id in your systems
       * @example 17850
       */
      externalId: string;
      /**
       * @default {}
       * @example {
       *       "contract": "Month-to-month",
       *       "tenure": 12
       *     }
       */
      attributes: {
        [key: string]: string | number | boolean | null;
      };
    };
    Customer: {
      externalId: string;
      attributes: {
        [key: string]: string | number | boolean | null;
      };
      features: {
        [key: string]: number | string | null;
      } | null;
      featuresAsOf: string | null;
      featuresStale: boolean;
      createdAt: string;
      updatedAt: string;
    };
    CustomerPage: {
      items: components['schemas']['Customer'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    CustomerDetail: components['schemas']['Customer'] & {
      /** @description Tags held now, with provenance */
      tags: components['schemas']['HeldTag'][];
      /** @description Pending suggestions, newest first */
      openSuggestions: components['schemas']['Suggestion'][];
      churn: components['schemas']['CustomerChurn'];
    };
    HeldTag: {
      /** @description The tag slug */
      tag: string;
      displayName: string;
      kind: string;
      category: string;
      /** @enum {string} */
      source: 'cluster' | 'churn' | 'rule' | 'manual';
      sourceVersion: string | null;
      confidence: number | null;
      suggestionId: string | null;
      /** @description API key id; null = auto-accepted */
      assignedBy: string | null;
      assignedAt: string;
    };
    Suggestion: {
      /** Format: uuid */
      id: string;
      /** @description The customer's external id */
      customer: string;
      /** @description The tag slug */
      tag: string;
      tagDisplayName: string;
      source: components['schemas']['SuggestionSource'];
      /** @description The cluster run, churn model or rule-table version that made it */
      sourceVersion: string;
      confidence: number;
      explanation: {
        factors: components['schemas']['Factor'][];
        text: string;
      };
      status: components['schemas']['SuggestionStatus'];
      /** @description The API key id that decided */
      decidedBy: string | null;
      decidedAt: string | null;
      reason: string | null;
      createdAt: string;
    };
    /** @enum {string} */
    SuggestionSource: 'cluster' | 'churn' | 'rule';
    Factor: {
      feature: string;
      value: number | string;
      contribution?: number;
    };
    /** @enum {string} */
    SuggestionStatus: 'pending' | 'accepted' | 'rejected' | 'auto_accepted' | 'superseded';
    /** @description The current churn prediction; null when the customer was not scored */
    CustomerChurn: {
      probability: number;
      riskBand: string;
      modelId: string;
      modelVersion: number;
      scoredAt: string;
      factors: {
        feature: string;
        value: string | number | boolean | null;
        contribution: number;
      }[];
    } | null;
    IngestEventsResult: {
      received: number;
      inserted: number;
      /** @description Events already stored (same eventId) */
      duplicates: number;
      customersCreated: number;
    };
    EventBatch: {
      /** @description 1..10000 events, stored all or none */
      events: components['schemas']['EventInput'][];
    };
    EventInput: {
      /**
       * @description Your id for the event, unique per workspace: re-sending it is a no-op
       * @example order-536365-1
       */
      eventId: string;
      /**
       * @description External id of the customer (created if unknown)
       * @example 17850
       */
      customerId: string;
      /** @example 2010-12-01T08:26:00Z */
      occurredAt: string;
      /**
       * @description purchase (a sale line: counts towards spend and orders), cancellation and return (subtract |amount|); any other word (visit, login...) is kept and can be counted by rules
       * @example purchase
       */
      kind: string;
      /** @example 15.3 */
      amount?: number | null;
      /** @example 6 */
      quantity?: number | null;
      invoice?: string | null;
      product?: string | null;
      category?: string | null;
      payload?: {
        [key: string]: unknown;
      } | null;
    };
    EventPage: {
      items: components['schemas']['Event'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    Event: {
      eventId: string;
      customerId: string;
      occurredAt: string;
      kind: string;
      amount: number | null;
      quantity: number | null;
      invoice: string | null;
      product: string | null;
      category: string | null;
      payload: {
        [key: string]: unknown;
      } | null;
      receivedAt: string;
    };
    Job: {
      /** Format: uuid */
      id: string;
      kind: string;
      status: components['schemas']['JobStatus'];
      progress: number;
      message: string | null;
      params: {
        [key: string]: unknown;
      };
      result?: unknown;
      error:
        | ({
            code: string;
            message: string;
          } & {
            [key: string]: unknown;
          })
        | null;
      attempts: number;
      maxAttempts: number;
      cancelRequested: boolean;
      createdAt: string;
      startedAt: string | null;
      finishedAt: string | null;
      updatedAt: string;
    };
    /** @enum {string} */
    JobStatus: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
    CreateJob: {
      /** @example feature-refresh */
      kind: string;
      /** @default {} */
      params: {
        [key: string]: unknown;
      };
    };
    JobPage: {
      items: components['schemas']['Job'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    NotebookPage: {
      items: components['schemas']['NotebookSummary'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    NotebookSummary: {
      /** Format: uuid */
      id: string;
      title: string;
      cellCount: number;
      /** @description Distinct, in order of use */
      cellTypes: ('markdown' | 'data' | 'cluster' | 'profiles' | 'churn' | 'review')[];
      version: number;
      createdAt: string;
      updatedAt: string;
    };
    Notebook: {
      /** Format: uuid */
      id: string;
      title: string;
      cells: components['schemas']['NotebookCell'][];
      /** @description Send it back with every change */
      version: number;
      createdAt: string;
      updatedAt: string;
      /** @description Name of the key that made the last change */
      updatedBy: string | null;
    };
    NotebookCell: {
      /** @example c1 */
      id: string;
      /** @enum {string} */
      type: 'markdown' | 'data' | 'cluster' | 'profiles' | 'churn' | 'review';
      title: string;
      collapsed: boolean;
      /** @description Cells whose output this cell reads (no cycles) */
      inputs: string[];
      /** @description The cell's settings (its type defines them), e.g. features, k range, seed */
      config: {
        [key: string]: unknown;
      };
      output: components['schemas']['NotebookCellOutput'];
      /** @enum {string} */
      status: 'idle' | 'running' | 'done' | 'stale' | 'error';
      /** @description The readable problem detail of the last failure */
      error: string | null;
    };
    NotebookCellOutput: {
      /**
       * @description Ids of what the result lives in, e.g. `{jobId, runId}` or `{modelId}`: reopening the notebook fetches them instead of recomputing
       * @example {
       *       "jobId": "9b2e…",
       *       "runId": "4f1a…"
       *     }
       */
      refs: {
        [key: string]: string;
      };
      /** @description For each input cell, the identity of that cell's output this result was computed from; a different identity now means the result is stale */
      basedOn: {
        [key: string]: string;
      };
      producedAt: string;
    } | null;
    CreateNotebook: {
      /** @example Q3 retail segments */
      title: string;
      /** @default [] */
      cells: components['schemas']['NotebookCell'][];
    };
    PatchNotebook: {
      /** @description The version this change is based on; another version answers 409 */
      version: number;
      /** @example Q3 retail segments */
      title?: string;
      cells?: components['schemas']['NotebookCell'][];
    };
    DuplicateNotebook: {
      /** @example Q3 retail segments */
      title?: string;
    };
    FeatureSummary: {
      customers: number;
      /** @description Customers with computed features */
      withFeatures: number;
      staleFeatures: number;
      /** @description The latest feature cut-off */
      featuresAsOf: string | null;
      /** @description null: every customer was read. Otherwise the column statistics (counts and missing included) describe this sample */
      sample: {
        customers: number;
        /** @description Every k-th customer by internal id */
        every: number;
      } | null;
      columns: components['schemas']['FeatureColumnSummary'][];
    };
    FeatureColumnSummary: {
      name: string;
      /**
       * @description `feature`: computed from events; `attribute`: from the customer table
       * @enum {string}
       */
      source: 'feature' | 'attribute';
      /**
       * @description numeric when most present values are numbers
       * @enum {string}
       */
      kind: 'numeric' | 'categorical';
      /** @description Customers (of the sample) with a number here */
      count: number;
      /** @description Customers without a number here (no value, null or text) */
      missing: number;
      mean: number | null;
      sd: number | null;
      min: number | null;
      max: number | null;
      quantiles: {
        p05: number;
        p25: number;
        p50: number;
        p75: number;
        p95: number;
      } | null;
      histogram: {
        min: number;
        max: number;
        /** @description Equal-width bins from min to max */
        counts: number[];
      } | null;
      /** @description Distinct text values */
      distinct: number | null;
      /** @description The most frequent text values, most frequent first */
      categories: {
        value: string;
        count: number;
      }[];
    };
    TagPage: {
      items: components['schemas']['Tag'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    Tag: {
      /** Format: uuid */
      id: string;
      slug: string;
      displayName: string;
      kind: components['schemas']['TagKind'];
      category: components['schemas']['TagCategory'];
      definition: string;
      usageNote: string;
      status: components['schemas']['TagStatus'];
      /** @description Suggestions at or above the policy auto-accept confidence become customer tags without review */
      autoAccept: boolean;
      source: components['schemas']['TagSource'];
      createdAt: string;
      updatedAt: string;
    };
    /** @enum {string} */
    TagKind: 'fact' | 'rule' | 'model' | 'predictive';
    /** @enum {string} */
    TagCategory: 'attribute' | 'behaviour' | 'interest' | 'lifecycle' | 'value';
    /** @enum {string} */
    TagStatus: 'active' | 'deprecated' | 'archived';
    /** @description Where the suggestions of this tag come from */
    TagSource:
      | {
          /** @enum {string} */
          type: 'rule';
          ruleTable: string;
          rule: string;
        }
      | {
          /** @enum {string} */
          type: 'cluster';
          runId: string;
          cluster: number;
        }
      | {
          /** @enum {string} */
          type: 'model';
          modelKind: string;
          threshold?: number;
        }
      | {
          /** @enum {string} */
          type: 'manual';
        }
      | null;
    CreateTag: {
      /**
       * @description Lower-case ASCII words (a-z, 0-9) joined by single hyphens, 2–48 characters, unique in the workspace
       * @example high-value-regulars
       */
      slug: string;
      displayName: string;
      kind?: components['schemas']['TagKind'];
      category: components['schemas']['TagCategory'];
      /** @default  */
      definition: string;
      usageNote?: string;
      autoAccept?: boolean;
    };
    PatchTag: {
      displayName?: string;
      category?: components['schemas']['TagCategory'];
      definition?: string;
      usageNote?: string;
      status?: components['schemas']['TagStatus'];
      autoAccept?: boolean;
    };
    ClusterRunParams: {
      /** @description Behavioural features and/or numeric attributes to cluster on */
      featureNames: string[];
      /** @description One method for all features or one per feature; default standard */
      scaling?:
        ('standard' | 'robust' | 'log1p' | 'none') | ('standard' | 'robust' | 'log1p' | 'none')[];
      /** @description A fixed k, or a range to choose from; default {min: 2, max: 8} */
      k?:
        | number
        | {
            min: number;
            max: number;
          };
      seed?: number;
      nInit?: number;
    };
    ClusterRunPage: {
      items: components['schemas']['ClusterRunSummary'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    ClusterRunSummary: {
      /** Format: uuid */
      id: string;
      jobId: string | null;
      /** @enum {string} */
      status: 'active' | 'superseded';
      featureNames: string[];
      scaling: string | string[];
      kRequested:
        | number
        | {
            min: number;
            max: number;
          };
      seed: number;
      customerCount: number;
      featuresAsOf: string | null;
      k: number;
      inertia: number;
      converged: boolean;
      previousRunId: string | null;
      createdAt: string;
    };
    ClusterRun: components['schemas']['ClusterRunSummary'] & {
      nInit: number;
      iterations: number;
      selection: components['schemas']['KSelection'];
      profiles: components['schemas']['ClusterProfiles'];
      matching: components['schemas']['RunMatching'];
      movement: components['schemas']['MembershipMovement'];
      clusters: {
        cluster: number;
        size: number;
        share: number;
        name: components['schemas']['ClusterName'];
      }[];
    };
    /** @description The k-selection table (present when k was a range) */
    KSelection: {
      scores: {
        k: number;
        inertia: number;
        silhouette: number | null;
        daviesBouldin: number | null;
        calinskiHarabasz: number | null;
        iterations: number;
        converged: boolean;
      }[];
      recommendedK: number;
      reason: string;
      silhouetteSample: {
        size: number;
        exact: boolean;
      };
    } | null;
    ClusterProfiles: {
      population: {
        name: string;
        mean: number | null;
        median: number | null;
        zScore: number | null;
        sd: number | null;
      }[];
      clusters: {
        cluster: number;
        size: number;
        share: number;
        features: {
          name: string;
          mean: number | null;
          median: number | null;
          zScore: number | null;
        }[];
        distinguishing: {
          name: string;
          mean: number | null;
          median: number | null;
          zScore: number | null;
        }[];
      }[];
      projection: {
        explainedVariance: number[];
        sampleSize: number;
        points: {
          externalId: string;
          cluster: number;
          x: number;
          y: number;
          silhouette: number | null;
        }[];
      };
    };
    RunMatching: {
      /** @description For each cluster of this run, the previous cluster it continues (-1 = new) */
      previousOf: number[];
      centroidShift: (number | null)[];
    } | null;
    MembershipMovement: {
      compared: number;
      moved: number;
      movedShare: number;
      /** @description flows[previous][next]: customers going from a previous cluster to a new one */
      flows: number[][];
    } | null;
    ClusterName: {
      slug: string;
      displayName: string;
      carriedFromRunId: string | null;
    } | null;
    RunComparison: {
      runId: string;
      previousRunId: string;
      matching: components['schemas']['RunMatching'];
      movement: components['schemas']['MembershipMovement'];
      clusters: {
        cluster: number;
        previousCluster: number | null;
        centroidShift: number | null;
        name: string | null;
        previousName: string | null;
      }[];
    };
    NamedCluster: {
      runId: string;
      cluster: number;
      tag: components['schemas']['Tag'];
      /** @description true when the tag was created by this call */
      created: boolean;
    };
    /** @description Either `{tag}` to link an existing model tag, or a new model tag to create */
    NameCluster:
      | {
          /**
           * @description An existing model tag
           * @example high-value-regulars
           */
          tag: string;
        }
      | {
          /**
           * @description Lower-case ASCII words (a-z, 0-9) joined by single hyphens, 2–48 characters, unique in the workspace
           * @example high-value-regulars
           */
          slug: string;
          displayName: string;
          category?: components['schemas']['TagCategory'];
          /** @default  */
          definition: string;
          usageNote?: string;
        };
    ClusterMemberPage: {
      items: components['schemas']['ClusterMember'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    ClusterMember: {
      externalId: string;
      confidence: number;
      features: {
        [key: string]: number | null;
      };
    };
    RuleTable: {
      /**
       * Format: uuid
       * @description The version id (suggestions name it as their source version)
       */
      id: string;
      /** @enum {string} */
      name: 'rfm-segments' | 'lifecycle';
      version: number;
      /** @description The rule language of the engine: [{tag, label, description?, when}] */
      rules: {
        [key: string]: unknown;
      }[];
      createdAt: string;
    };
    PutRuleTable: {
      rules: unknown[];
    };
    SuggestParams: {
      /** @description Only these sources; default: every registered provider */
      sources?: ('cluster' | 'churn' | 'rule')[];
    };
    SuggestionPage: {
      items: components['schemas']['Suggestion'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    SuggestionPolicyView: {
      reviewFrom: number;
      autoAcceptFrom: number;
      /** @description false while the defaults apply */
      customised: boolean;
      updatedAt: string | null;
    };
    SuggestionPolicy: {
      /** @description Below this confidence no suggestion is made */
      reviewFrom: number;
      /** @description At or above this, tags with auto-accept on are assigned without review */
      autoAcceptFrom: number;
    };
    DecisionConflict: {
      type: string;
      title: string;
      status: number;
      detail: string;
      requestId: string;
      decision: {
        status: components['schemas']['SuggestionStatus'];
        decidedBy: string | null;
        decidedAt: string | null;
        reason: string | null;
      };
    };
    Decision: {
      reason?: string;
    };
    BulkDecisionResult: {
      dryRun: boolean;
      /** @description Pending suggestions the filter selects */
      matched: number;
      decided: number;
      tagsAssigned: number;
    };
    BulkDecision: {
      /** @enum {string} */
      decision: 'accept' | 'reject';
      /** @description Which pending suggestions; at least one field */
      filter: {
        tag?: string;
        source?: components['schemas']['SuggestionSource'];
        minConfidence?: number;
        maxConfidence?: number;
      };
      reason?: string;
      /**
       * @description true: only count what would be decided (the preview before confirming)
       * @default false
       */
      dryRun: boolean;
    };
    ChurnModelPage: {
      items: components['schemas']['ChurnModel'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    ChurnModel: {
      /** Format: uuid */
      id: string;
      version: number;
      /** @enum {string} */
      status: 'trained' | 'active' | 'retired';
      label: components['schemas']['ChurnLabel'];
      /** @description `logistic` or `mlp` */
      classifier: string;
      /** @description TF.js backend that trained it */
      backend: string;
      /** @description What activation compares: cross-validated ROC-AUC (mean over folds) */
      heldout: {
        metric: string;
        value: number | null;
      };
      crossValidation: components['schemas']['ChurnMetricSummary'];
      trainingRows: number;
      positives: number;
      trainingSeconds: number;
      jobId: string | null;
      createdAt: string;
      activatedAt: string | null;
      /** @description API key id */
      activatedBy: string | null;
      activation: components['schemas']['ChurnActivation'];
      retiredAt: string | null;
    };
    ChurnLabel:
      | {
          /** @enum {string} */
          kind: 'column';
          column: string;
          positive: string;
          negative: string;
        }
      | {
          /** @enum {string} */
          kind: 'time-split';
          asOf: string;
          horizonDays: number;
        };
    /** @description Mean ± sd over cross-validation folds */
    ChurnMetricSummary: {
      rocAuc: components['schemas']['MeanSd'];
      prAuc: components['schemas']['MeanSd'];
      brier: components['schemas']['MeanSd'];
      logLoss: components['schemas']['MeanSd'];
      ece: components['schemas']['MeanSd'];
      topDecileLift: components['schemas']['MeanSd'];
    };
    MeanSd: {
      mean: number | null;
      sd: number | null;
    };
    ChurnActivation: {
      /** @enum {string} */
      mode: 'auto' | 'manual' | 'override';
      reason: string;
      previousModelId: string | null;
      previousVersion: number | null;
      previousHeldout: number | null;
    } | null;
    ChurnModelDetail: components['schemas']['ChurnModel'] & {
      /** @description Exactly the columns `POST /churn/predict` rows must carry */
      inputs: components['schemas']['ChurnInput'][];
      /**
       * @description `stored`: feature inputs are the stored customer features; `events`: recomputed from events as of the scoring cut-off
       * @enum {string}
       */
      behaviouralSource: 'stored' | 'events';
      windowDays: number | null;
      dropped: {
        column: string;
        reason: string;
      }[];
      riskBands: {
        thresholds: number[];
        labels: string[];
      };
      /** @description Mean |contribution| (log-odds) per input over training rows */
      importance: {
        feature: string;
        meanAbsContribution: number;
      }[];
      /** @description Stratified cross-validation of the whole pipeline */
      evaluation: {
        folds: number;
        seed: number;
        seconds: number;
        pooled: components['schemas']['ClassificationScores'];
        reliability: components['schemas']['ReliabilityBin'][];
        roc: {
          threshold: number | null;
          falsePositiveRate: number;
          truePositiveRate: number;
        }[];
        precisionRecall: {
          threshold: number;
          recall: number;
          precision: number;
        }[];
        liftByDecile: {
          group: number;
          count: number;
          positives: number;
          rate: number | null;
          lift: number | null;
          cumulativeLift: number | null;
          cumulativeCapture: number | null;
        }[];
        /** @description Predicting the training folds' churn rate for everyone */
        baseline: {
          summary: components['schemas']['ChurnMetricSummary'];
          pooled: components['schemas']['ClassificationScores'];
        };
        perFold: {
          [key: string]: unknown;
        }[];
        chosen: {
          [key: string]: number;
        };
      };
      /** @description The final fit: kind, candidates, out-of-fold scores, backend */
      training: {
        [key: string]: unknown;
      };
      excluded: {
        reason: string;
        count: number;
      }[];
    };
    ChurnInput: {
      name: string;
      /** @enum {string} */
      from: 'feature' | 'attribute';
      /** @enum {string} */
      kind: 'numeric' | 'categorical';
    };
    /** @description All out-of-fold predictions together */
    ClassificationScores: {
      rows: number;
      positives: number;
      prevalence: number | null;
      rocAuc: number | null;
      prAuc: number | null;
      brier: number | null;
      logLoss: number | null;
      ece: number | null;
      topDecileLift: number | null;
    };
    /** @description Predicted vs observed churn rate in one probability bin (null when empty) */
    ReliabilityBin: {
      bin: number;
      lower: number;
      upper: number;
      meanPredicted: number | null;
      observedRate: number | null;
      count: number;
    };
    ActivateChurnModel: {
      /**
       * @description Activate even when the model does not beat the active one on held-out ROC-AUC (audited; needs a reason)
       * @default false
       */
      override: boolean;
      reason?: string;
    };
    ChurnTrainParams: {
      label: components['schemas']['ChurnLabelRequest'];
      features?: components['schemas']['ChurnFeatureRequest'];
      /**
       * @description `auto` (default) cross-fits both and keeps the better
       * @enum {string}
       */
      model?: 'auto' | 'logistic' | 'mlp';
      /** @enum {string} */
      calibration?: 'platt' | 'isotonic';
      /** @description Stratified cross-validation folds for the reported metrics (default 5) */
      folds?: number;
      seed?: number;
      /** @description Time split only: trend window of the event features (default 90) */
      windowDays?: number;
      riskBands?: components['schemas']['ChurnRiskBands'];
    };
    ChurnLabelRequest:
      | {
          /** @enum {string} */
          kind: 'column';
          /**
           * @description A two-valued customer attribute, e.g. `churn`
           * @example churn
           */
          column: string;
          /**
           * @description The value meaning churned; inferred when the two values read as yes/no, true/false, 1/0, churned/...
           * @example Yes
           */
          positive?: string;
        }
      | {
          /** @enum {string} */
          kind: 'time-split';
          /**
           * @description Cut-off T: features from events before T
           * @example 2011-09-01T00:00:00Z
           */
          asOf: string;
          /**
           * @description Churned = bought before T and made no purchase in [T, T + horizonDays)
           * @example 90
           */
          horizonDays: number;
        };
    ChurnFeatureRequest: {
      /** @description Behavioural features: `all` (default) or a list of names. With a column label they are the customers' stored features (run feature-refresh first); with a time split they are recomputed from events as of T, since stored features are computed as of another time and would leak the label window. */
      behavioural?: 'all' | string[];
      /** @description Customer attributes used as inputs: `all` or a list. Default: `all` with a column label (the label column excluded), none with a time split. */
      attributes?: 'all' | string[];
    };
    /** @example {
     *       "thresholds": [
     *         0.3,
     *         0.6
     *       ],
     *       "labels": [
     *         "low",
     *         "medium",
     *         "high"
     *       ]
     *     } */
    ChurnRiskBands: {
      thresholds: number[];
      labels: string[];
    };
    ChurnScoreParams: {
      /** @description Cut-off for event-derived inputs of time-split models (default: when the job starts); stored features and attributes are used as they are */
      asOf?: string;
    };
    ChurnPredictResponse: {
      model: {
        /** Format: uuid */
        id: string;
        version: number;
        active: boolean;
      };
      items: components['schemas']['ChurnPredictionItem'][];
      /** @description Unknown customer ids */
      notFound: string[];
      /** @description Known customers the model cannot score, with why */
      notScored: {
        customerId: string;
        reason: string;
      }[];
    };
    ChurnPredictionItem: {
      /** @description With `customerIds` */
      customerId?: string;
      /** @description With `rows`: the row index */
      row?: number;
      probability: number;
      riskBand: string;
      factors: components['schemas']['ChurnFactor'][];
      /** @enum {string} */
      source: 'stored' | 'live';
      scoredAt: string;
    };
    ChurnFactor: {
      feature: string;
      value: string | number | boolean | null;
      /** @description Log-odds; > 0 pushes towards churn */
      contribution: number;
    };
    ChurnPredictRequest: {
      /** @description Up to 1000 external ids: their stored prediction when it comes from the active model, else scored now from their stored data */
      customerIds?: string[];
      /**
       * @description Up to 1000 feature rows, each with exactly the active model's inputs (see the model's `inputs`), scored now
       * @example [
       *       {
       *         "tenure": 2,
       *         "contract": "Month-to-month",
       *         "monthly_charges": 95.1
       *       }
       *     ]
       */
      rows?: {
        [key: string]: string | number | boolean | null;
      }[];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
