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
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Prometheus metrics (text exposition format)
     * @description Public, like most Prometheus targets: it holds only aggregates (requests by route pattern and status, job durations by kind, queue depth, failing webhook deliveries, process figures), no workspace, key or customer. Keep it off the public network with the proxy in front if that matters to you.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The metrics */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/plain': string;
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
        /** @description Declared as another media type than CSV, or another charset than UTF-8 */
        415: {
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
    /**
     * Erase a customer and every row about them (privacy request)
     * @description In one transaction: the customer's attributes and features, events, cluster assignments, churn predictions, suggestions, the whole tag history, segment membership and changes, and queued webhook deliveries (delivered ones keep their history without payload). Every table with a `customer_id` column is covered. The erasure is audited under the customer's salted hash only.
     */
    delete: {
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
        /** @description Erased */
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
    patch?: never;
    trace?: never;
  };
  '/v1/workspaces/{workspace}/customers/{externalId}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Everything held about one customer, as one JSON document (privacy request)
     * @description Attributes and features, every tag holding (open and closed), every suggestion, churn prediction and cluster assignment, segment membership and changes, webhook deliveries about the customer, the audit entries about the customer, and every event (streamed last, in time order).
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
        /** @description The export */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CustomerExport'];
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
        /** @description Declared as another media type than CSV, or another charset than UTF-8 */
        415: {
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
     * @description The slug must follow the naming standard (lower-case ASCII words joined by single hyphens, 2–48 characters, not `check`); a 422 proposes one that does. A slug or display name that nearly duplicates an existing tag (same slug without hyphens; display names equal but for case, spacing or punctuation) does not stop the create: the answer lists each look-alike under `warnings`.
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
        /** @description Created (version 1) */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CreatedTag'];
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
  '/v1/workspaces/{workspace}/tags/check': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Check a slug and display name while typing them
     * @description What is wrong with the slug and a slug that would do, whether it is taken, and the existing tags a create would warn about.
     */
    get: {
      parameters: {
        query?: {
          slug?: string;
          displayName?: string;
        };
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The check */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TagCheck'];
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
  '/v1/workspaces/{workspace}/tags/{tag}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a tag by slug, with how many customers hold it */
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
            'application/json': components['schemas']['TagDetail'];
          };
        };
        /** @description The tag was renamed: `Location` is its address under the new slug */
        308: {
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
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /**
     * Change a tag's definition: slug, name, description, owner, status, source, auto-accept
     * @description Each change that alters something writes the next version (with the optional `message`); fields equal to the current ones change nothing. A new slug follows the naming standard (422 proposing one) and must be free (409). A deprecated tag keeps its holders but gets no new suggestions. Switching auto-accept on lets suggestions at or above the policy threshold become customer tags without review.
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
            'application/json': components['schemas']['TagDetail'];
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
        /** @description The new slug is taken */
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
  '/v1/workspaces/{workspace}/tags/{tag}/merge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Merge a tag into another one
     * @description In one transaction: every current holder of the tag holds `into` instead (their old holding is closed with the reason `merged into <slug>`; customers holding `into` already keep theirs), the tag's pending suggestions are superseded, and the tag is archived as a new version noting the merge. History is kept.
     */
    post: {
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
          'application/json': components['schemas']['MergeTag'];
        };
      };
      responses: {
        /** @description Merged */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['MergeResult'];
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
        /** @description One of the tags is archived */
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
  '/v1/workspaces/{workspace}/tags/{tag}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A tag's version history, newest first
     * @description Every create, edit, merge and rollback added one version: who (the key), when, why (the message) and what (field-level changes).
     */
    get: {
      parameters: {
        query?: {
          /** @description Page size (1..500) */
          limit?: number;
          /** @description The `nextCursor` of the previous page */
          cursor?: string;
        };
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
        /** @description One page of versions */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TagVersionPage'];
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
  '/v1/workspaces/{workspace}/tags/{tag}/versions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One version of a tag, with the full definition it stored */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          /** @description The tag slug */
          tag: string;
          version: number;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The version */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TagVersionDetail'];
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
  '/v1/workspaces/{workspace}/tags/{tag}/rollback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restore the definition of an earlier version, as a new version
     * @description History is never rewritten: the rollback adds a version equal to the old definition (a model tag keeps the cluster it names now). Suggestions generated afterwards follow it. Rolling back to a version equal to the current definition is a 409, and so is restoring a slug another tag has taken since.
     */
    post: {
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
          'application/json': components['schemas']['RollbackTag'];
        };
      };
      responses: {
        /** @description The tag as restored */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TagDetail'];
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
        /** @description Nothing to restore, or the old slug is taken */
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
  '/v1/workspaces/{workspace}/customers/{externalId}/tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * A customer's tag history, newest first
     * @description Every holding the customer had, current (`removedAt` null) and ended, with who assigned and removed it and why.
     */
    get: {
      parameters: {
        query?: {
          /** @description Page size (1..500) */
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
        /** @description One page of holdings */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CustomerTagHistory'];
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
     * Give a customer a tag by hand
     * @description The holding has source `manual` and the optional reason; a `tag.assigned` webhook event goes out. Deprecated and archived tags take no new holders (422).
     */
    post: {
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
          'application/json': components['schemas']['AssignTag'];
        };
      };
      responses: {
        /** @description Assigned */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CustomerTagHolding'];
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
        /** @description The customer holds the tag already */
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
  '/v1/workspaces/{workspace}/customers/{externalId}/tags/{tag}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Take a tag away from a customer
     * @description Closes the holding (history keeps it) with who removed it and why; a `tag.removed` webhook event goes out. 404 when the customer does not hold the tag.
     */
    delete: {
      parameters: {
        query?: {
          /** @description Why (stored as the removal reason; default "removed by hand") */
          reason?: string;
        };
        header?: never;
        path: {
          workspace: string;
          /** @description The customer's id in your systems */
          externalId: string;
          /** @description The tag slug */
          tag: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The closed holding */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CustomerTagHolding'];
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
  '/v1/workspaces/{workspace}/tags/{tag}/holders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who held a tag at a moment
     * @description Customers whose holding began at or before `at` and had not ended by then (default: now), from the holding history.
     */
    get: {
      parameters: {
        query?: {
          /** @description Page size (1..1000) */
          limit?: number;
          /** @description The `nextCursor` of the previous page */
          cursor?: string;
          /** @description ISO 8601 date-time, or a date (its midnight UTC); default now */
          at?: string;
        };
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
        /** @description One page of holders */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['TagHoldersPage'];
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
  '/v1/workspaces/{workspace}/suggestions/count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** How many suggestions the review queue holds for a filter (all of its pages) */
    get: {
      parameters: {
        query?: {
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
        /** @description The count */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SuggestionCount'];
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
  '/v1/workspaces/{workspace}/suggestions/{suggestionId}/reopen': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Undo the decision on a suggestion: it is pending again
     * @description An accepted suggestion also takes back the tag its acceptance gave, if the customer still holds it (a tag held before the accept stays). 409 when the suggestion is pending or superseded, or a newer suggestion of the same tag from the same source has followed it.
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
      requestBody?: never;
      responses: {
        /** @description Pending again, with what happened to the tag */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ReopenedSuggestion'];
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
        /** @description Nothing to undo, or a newer suggestion has followed it */
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
  '/v1/workspaces/{workspace}/segments/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Count and sample the customers an unsaved expression selects
     * @description For a live count while editing. Unknown tags or features, and risk bands the current churn model does not assign, are a 422 naming the path.
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
          'application/json': components['schemas']['PreviewSegment'];
        };
      };
      responses: {
        /** @description Count and sample */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SegmentPreview'];
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
  '/v1/workspaces/{workspace}/segments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List segments by slug */
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
        /** @description Every segment */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SegmentList'];
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
     * Save a segment
     * @description The slug follows the tag naming standard; a 422 proposes one that does.
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
          'application/json': components['schemas']['CreateSegment'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Segment'];
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
  '/v1/workspaces/{workspace}/segments/{segment}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a segment by slug */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          /** @description The segment slug */
          segment: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The segment */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Segment'];
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
    /** Delete a segment with its snapshots */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          /** @description The segment slug */
          segment: string;
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
    /** Change a segment's name, description or expression (audited) */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          /** @description The segment slug */
          segment: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PatchSegment'];
        };
      };
      responses: {
        /** @description The segment */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Segment'];
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
  '/v1/workspaces/{workspace}/segments/{segment}/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The segment's members now, by internal customer id (keyset pages) */
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
          /** @description The segment slug */
          segment: string;
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
            'application/json': components['schemas']['SegmentMemberPage'];
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
  '/v1/workspaces/{workspace}/segments/{segment}/export.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Download the segment's members now as CSV (streamed)
     * @description Columns external_id, churn_probability (empty when not scored), risk_band, tags (slugs joined by ";"). Streamed in chunks, so any size exports in bounded memory.
     */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          /** @description The segment slug */
          segment: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The members */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'text/csv': string;
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
  '/v1/workspaces/{workspace}/segments/{segment}/snapshots': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The segment's snapshots, oldest first (its size over time) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          /** @description The segment slug */
          segment: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description Every snapshot */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SegmentSnapshotList'];
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
     * Snapshot the segment now: its size and who entered or left since the last snapshot
     * @description Fires `segment.entered` and `segment.left` webhook events. The first snapshot counts every member as entered. The `segment-snapshot` job snapshots many segments at once.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          /** @description The segment slug */
          segment: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The snapshot */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['SegmentSnapshot'];
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
  '/v1/workspaces/{workspace}/segments/{segment}/snapshots/{snapshotId}/changes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who entered or left the segment at a snapshot (keyset pages) */
    get: {
      parameters: {
        query: {
          /** @description Page size (1..1000) */
          limit?: number;
          /** @description The `nextCursor` of the previous page */
          cursor?: string;
          change: components['schemas']['SegmentChange'];
        };
        header?: never;
        path: {
          workspace: string;
          /** @description The segment slug */
          segment: string;
          snapshotId: string;
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
            'application/json': components['schemas']['SegmentChangePage'];
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
  '/v1/workspaces/{workspace}/reports/coverage': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tag coverage and distribution now, and holders over the last refreshes */
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
        /** @description The coverage report */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['CoverageReport'];
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
  '/v1/workspaces/{workspace}/reports/acceptance': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Suggestions by outcome and acceptance rate, per tag and per source
     * @description Counts the suggestions created in [from, to) (either end optional) by their status now; superseded ones are left out.
     */
    get: {
      parameters: {
        query?: {
          /** @description Suggestions created at or after this time */
          from?: string;
          /** @description Suggestions created before this time */
          to?: string;
        };
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The acceptance report */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AcceptanceReport'];
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
  '/v1/workspaces/{workspace}/reports/reliability': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Reliability table: suggestion confidence against acceptance, per source */
    get: {
      parameters: {
        query?: {
          /** @description Equal-width confidence bins over [0, 1] */
          bins?: number;
          source?: components['schemas']['SuggestionSource'];
        };
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The reliability table */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['ReliabilityReport'];
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
  '/v1/workspaces/{workspace}/reports/drift': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Cluster membership movement between runs; churn score drift and backtest */
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
        /** @description The drift report */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['DriftReport'];
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
  '/v1/workspaces/{workspace}/reports/unused-tags': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Tags nobody was given or nobody read in the last N days */
    get: {
      parameters: {
        query?: {
          /** @description The window, in days */
          days?: number;
        };
        header?: never;
        path: {
          workspace: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The unused tags */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['UnusedTagsReport'];
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
  '/v1/workspaces/{workspace}/webhooks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List webhook subscriptions, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Page size (1..500) */
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
        /** @description One page of subscriptions */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookPage'];
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
     * Subscribe a URL to domain events
     * @description Each event is POSTed as JSON `{ id, type, occurredAt, workspace, data }` with the headers X-Tagwise-Signature, X-Tagwise-Timestamp, X-Tagwise-Event and X-Tagwise-Delivery. Delivery is at least once: drop repeats by `id`. The secret is in this response only.
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
          'application/json': components['schemas']['CreateWebhook'];
        };
      };
      responses: {
        /** @description Created */
        201: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookWithSecret'];
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
  '/v1/workspaces/{workspace}/webhooks/dead-letters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Dead deliveries of every subscription, newest first
     * @description Deliveries that failed every attempt. Queue one again with `redeliver`.
     */
    get: {
      parameters: {
        query?: {
          /** @description Page size (1..500) */
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
        /** @description One page of deliveries */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookDeliveryPage'];
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
  '/v1/workspaces/{workspace}/webhooks/{webhook}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Get a webhook subscription (without its secret) */
    get: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          webhook: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The subscription */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Webhook'];
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
    /** Delete a subscription and its deliveries */
    delete: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          webhook: string;
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
    /** Change a subscription's URL, event types or active switch */
    patch: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          webhook: string;
        };
        cookie?: never;
      };
      requestBody: {
        content: {
          'application/json': components['schemas']['PatchWebhook'];
        };
      };
      responses: {
        /** @description The subscription */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['Webhook'];
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
  '/v1/workspaces/{workspace}/webhooks/{webhook}/rotate-secret': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Replace the signing secret
     * @description Deliveries sent from now on are signed with the new secret, returned in this response only.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          webhook: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The subscription and its new secret */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookWithSecret'];
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
  '/v1/workspaces/{workspace}/webhooks/{webhook}/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Queue a `webhook.ping` delivery to the subscription */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          webhook: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The queued delivery */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookDelivery'];
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
        /** @description The subscription is inactive */
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
  '/v1/workspaces/{workspace}/webhooks/{webhook}/deliveries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A subscription's deliveries, newest first */
    get: {
      parameters: {
        query?: {
          /** @description Page size (1..500) */
          limit?: number;
          /** @description The `nextCursor` of the previous page */
          cursor?: string;
          status?: components['schemas']['WebhookDeliveryStatus'];
        };
        header?: never;
        path: {
          workspace: string;
          webhook: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One page of deliveries */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookDeliveryPage'];
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
  '/v1/workspaces/{workspace}/webhooks/deliveries/{delivery}/redeliver': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Queue a delivery again (attempts reset, same delivery id)
     * @description Works on delivered, failed and dead deliveries; a delivery already waiting is returned as it is.
     */
    post: {
      parameters: {
        query?: never;
        header?: never;
        path: {
          workspace: string;
          delivery: string;
        };
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description The queued delivery */
        202: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['WebhookDelivery'];
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
        /** @description The delivery is being attempted right now */
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
  '/v1/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read the audit log, newest first
     * @description One entry per change, written in the same transaction as the change (a rolled-back write leaves none). The log is append-only: the database refuses updates and deletes. Customers are never named in plain form: filter by `customer` to match their salted hash.
     */
    get: {
      parameters: {
        query?: {
          /** @description Page size (1..1000) */
          limit?: number;
          /** @description The `nextCursor` of the previous page */
          cursor?: string;
          /** @description Only this workspace's entries (a workspace admin sees only its own) */
          workspace?: string;
          /** @description Only changes made with this API key id */
          actor?: string;
          /** @description e.g. `customer.erased` */
          action?: string;
          /** @description e.g. `tag`, `customer` */
          resource?: string;
          /** @description The resource id as shown in entries (a customer appears as its hash) */
          resourceId?: string;
          /** @description Only entries about this customer (by external id, matched through the workspace's salted hash); needs `workspace` unless the key is scoped to one */
          customer?: string;
          /** @description Entries written at or after this time */
          from?: string;
          /** @description Entries written before this time */
          to?: string;
        };
        header?: never;
        path?: never;
        cookie?: never;
      };
      requestBody?: never;
      responses: {
        /** @description One page of entries */
        200: {
          headers: {
            [name: string]: unknown;
          };
          content: {
            'application/json': components['schemas']['AuditPage'];
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
      churn: components['schemas']['CustomerChurnSummary'];
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
      /** @description Why it was given by hand */
      assignmentReason: string | null;
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
    CustomerChurnSummary: {
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
    CustomerExport: {
      exportedAt: string;
      workspace: string;
      customer: components['schemas']['Customer'];
      /** @description Every holding, open and closed */
      tags: components['schemas']['ExportedTagHolding'][];
      /** @description Every suggestion, any status */
      suggestions: components['schemas']['Suggestion'][];
      churnPredictions: components['schemas']['ExportedChurnPrediction'][];
      clusterAssignments: components['schemas']['ExportedClusterAssignment'][];
      /** @description Segments whose latest snapshot holds the customer */
      segmentMemberships: components['schemas']['ExportedSegmentMembership'][];
      /** @description Every entry into and exit from a segment */
      segmentChanges: components['schemas']['ExportedSegmentChange'][];
      /** @description Webhook events about the customer, queued or sent */
      webhookDeliveries: components['schemas']['ExportedWebhookDelivery'][];
      /** @description Audit entries about the customer (matched by the workspace's salted hash) */
      audit: components['schemas']['AuditEntry'][];
      /** @description Every event, in time order */
      events: components['schemas']['Event'][];
    };
    ExportedTagHolding: {
      tag: string;
      source: string;
      sourceVersion: string | null;
      confidence: number | null;
      suggestionId: string | null;
      /** @description API key id; null = the system */
      assignedBy: string | null;
      assignedAt: string;
      removedAt: string | null;
      removedBy: string | null;
      removalReason: string | null;
    };
    ExportedChurnPrediction: components['schemas']['CustomerChurnSummary'] & {
      /** @description True for the prediction services read now */
      current: boolean;
    };
    ExportedClusterAssignment: {
      runId: string;
      runStatus: string;
      runCreatedAt: string;
      cluster: number;
      confidence: number;
      /** @description The tag the cluster was named as */
      tag: string | null;
    };
    ExportedSegmentMembership: {
      segment: string;
      snapshotId: string;
      takenAt: string;
    };
    ExportedSegmentChange: components['schemas']['ExportedSegmentMembership'] & {
      /** @enum {string} */
      change: 'entered' | 'left';
    };
    ExportedWebhookDelivery: {
      id: string;
      webhookId: string;
      eventType: string;
      status: string;
      /** @description What was (or will be) sent */
      payload: {
        [key: string]: unknown;
      };
      createdAt: string;
      deliveredAt: string | null;
    };
    AuditEntry: {
      /** @description Increases in the order entries were written */
      id: string;
      at: string;
      /** @description Workspace slug */
      workspace: string | null;
      actor: components['schemas']['AuditActor'];
      action: string;
      resource: string;
      resourceId: string;
      /** @description What changed. Customers appear only as `customer`: an HMAC-SHA256 of their external id with a per-workspace salt; attribute values never appear. */
      data: {
        [key: string]: unknown;
      };
      requestId: string | null;
    };
    /** @description null = the system (jobs, CLI) */
    AuditActor: {
      keyId: string;
      name: string;
      /** @enum {string} */
      role: 'admin' | 'analyst' | 'operator' | 'service';
    } | null;
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
      cellTypes: (
        'markdown' | 'data' | 'cluster' | 'profiles' | 'churn' | 'review' | 'segment' | 'report'
      )[];
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
      type:
        'markdown' | 'data' | 'cluster' | 'profiles' | 'churn' | 'review' | 'segment' | 'report';
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
      items: components['schemas']['TagDetail'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    TagDetail: components['schemas']['Tag'] & {
      /** @description Customers holding the tag now */
      holders: number;
      /** @description Suggestions of the tag waiting for review */
      pendingSuggestions: number;
      /** @description The current version of the definition */
      version: number;
    };
    /** @enum {string} */
    TagKind: 'fact' | 'rule' | 'model' | 'predictive';
    /** @enum {string} */
    TagCategory: 'attribute' | 'behaviour' | 'interest' | 'lifecycle' | 'value';
    /** @enum {string} */
    TagStatus: 'active' | 'deprecated' | 'archived';
    /** @description Where the suggestions of this tag come from: a rule of a rule table (rule tags), a cluster of a run (model tags), the churn model and its threshold (predictive tags), or people (fact tags) */
    TagSource:
      | {
          /** @enum {string} */
          type: 'rule';
          ruleTable: string;
          /** @description The tag the rule gives */
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
          /** @enum {string} */
          modelKind: 'churn';
          /** @description Only customers whose calibrated probability reaches it are suggested (the suggestion policy still applies) */
          threshold?: number;
        }
      | {
          /** @enum {string} */
          type: 'manual';
        }
      | null;
    Tag: {
      /** Format: uuid */
      id: string;
      slug: string;
      displayName: string;
      kind: components['schemas']['TagKind'];
      category: components['schemas']['TagCategory'];
      definition: string;
      usageNote: string;
      /** @description Who answers for the tag; empty when nobody was named */
      owner: string;
      status: components['schemas']['TagStatus'];
      /** @description Suggestions at or above the policy auto-accept confidence become customer tags without review */
      autoAccept: boolean;
      source: components['schemas']['TagSource'];
      createdAt: string;
      updatedAt: string;
    };
    CreatedTag: components['schemas']['TagDetail'] & {
      /** @description Existing tags the new one looks like; the tag was created anyway */
      warnings: (components['schemas']['NearDuplicate'] & {
        /** @enum {string} */
        type: 'near-duplicate';
      })[];
    };
    NearDuplicate: {
      slug: string;
      displayName: string;
      status: components['schemas']['TagStatus'];
      /** @example display name differs from "High value" only in case, spacing or punctuation */
      reason: string;
    };
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
      owner?: string;
      source?: components['schemas']['TagSource'];
      autoAccept?: boolean;
    };
    TagCheck: {
      /** @description Why the slug breaks the naming standard; null when it follows it */
      slugProblem: string | null;
      /** @description A slug that follows the standard, from the slug (or the display name when no slug was given); null when the slug is fine */
      proposedSlug: string | null;
      slugTaken: boolean;
      nearDuplicates: components['schemas']['NearDuplicate'][];
    };
    PatchTag: {
      /**
       * @description Renames the tag
       * @example high-value-regulars
       */
      slug?: string;
      displayName?: string;
      category?: components['schemas']['TagCategory'];
      definition?: string;
      usageNote?: string;
      owner?: string;
      status?: components['schemas']['TagStatus'];
      autoAccept?: boolean;
      source?: components['schemas']['TagSource'];
      /** @description Why: stored on the version this change creates */
      message?: string;
    };
    MergeResult: {
      tag: components['schemas']['TagDetail'] & unknown;
      into: components['schemas']['TagDetail'];
      /** @description Holders who now hold the target instead */
      moved: number;
      /** @description Holders who held the target already (their holding of the target stays) */
      alreadyHeld: number;
      /** @description Pending suggestions of the merged tag, taken out of the queue */
      supersededSuggestions: number;
    };
    MergeTag: {
      /**
       * @description The slug of the tag that takes the holders
       * @example high-value-regulars
       */
      into: string;
      /** @description Why: stored on the version this change creates */
      message?: string;
    };
    TagVersionPage: {
      items: components['schemas']['TagVersion'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    TagVersion: {
      version: number;
      createdAt: string;
      /** @description The key that made the change; null for the system or a deleted key */
      actor: {
        keyId: string;
        name: string;
      } | null;
      message: string | null;
      requestId: string | null;
      changes: components['schemas']['TagFieldChange'][];
    };
    TagFieldChange: {
      /** @enum {string} */
      field:
        | 'slug'
        | 'displayName'
        | 'kind'
        | 'category'
        | 'definition'
        | 'usageNote'
        | 'owner'
        | 'status'
        | 'autoAccept'
        | 'source';
      /** @description The value before (null for a new tag) */
      from?: unknown;
      /** @description The value after */
      to?: unknown;
    };
    TagVersionDetail: components['schemas']['TagVersion'] & {
      snapshot: components['schemas']['TagDefinition'];
    };
    /** @description Everything a version stores about a tag */
    TagDefinition: {
      slug: string;
      displayName: string;
      kind: components['schemas']['TagKind'];
      category: components['schemas']['TagCategory'];
      definition: string;
      usageNote: string;
      /** @description Who answers for the tag; empty when nobody was named */
      owner: string;
      status: components['schemas']['TagStatus'];
      /** @description Suggestions at or above the policy auto-accept confidence become customer tags without review */
      autoAccept: boolean;
      source: components['schemas']['TagSource'];
    };
    RollbackTag: {
      /** @description The version whose definition to restore */
      version: number;
      /** @description Why: stored on the version this change creates */
      message?: string;
    };
    CustomerTagHolding: {
      /** @description The holding id */
      id: string;
      /** @description The customer's external id */
      customer: string;
      /** @description The tag slug */
      tag: string;
      /** @enum {string} */
      source: 'cluster' | 'churn' | 'rule' | 'manual';
      sourceVersion: string | null;
      /** @description The accepted suggestion's confidence; null for a tag given by hand */
      confidence: number | null;
      /** @description The suggestion whose acceptance gave it; null for a tag given by hand */
      suggestionId: string | null;
      /** @description API key id; null = the system */
      assignedBy: string | null;
      assignedAt: string;
      assignmentReason: string | null;
      removedAt: string | null;
      removedBy: string | null;
      removalReason: string | null;
    };
    AssignTag: {
      /**
       * @description The tag slug
       * @example vip
       */
      tag: string;
      reason?: string;
    };
    CustomerTagHistory: {
      items: components['schemas']['CustomerTagHolding'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    TagHoldersPage: {
      /** @description The moment asked about */
      at: string;
      items: components['schemas']['TagHolder'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    TagHolder: {
      externalId: string;
      assignedAt: string;
      /** @description When the holding ended (after `at`); null while it lasts */
      removedAt: string | null;
      /** @enum {string} */
      source: 'cluster' | 'churn' | 'rule' | 'manual';
      sourceVersion: string | null;
      /** @description The accepted suggestion's confidence; null for a tag given by hand */
      confidence: number | null;
      /** @description The API key that accepted or gave it; null = the system (auto-accept, rules) */
      assignedBy: {
        keyId: string;
        name: string;
      } | null;
      assignmentReason: string | null;
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
      leftOut: components['schemas']['ClusterRunLeftOut'];
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
    /** @description Whom the run left out. Null for runs stored before this was recorded. */
    ClusterRunLeftOut: {
      /** @description Customers of the workspace the run did not cluster: each lacked a number in at least one chosen feature */
      customers: number;
      /** @description Per chosen feature, how many customers had no number in it (one customer may lack several) */
      missingByFeature: {
        [key: string]: number;
      };
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
    SuggestionCount: {
      count: number;
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
    DecisionConflict: components['schemas']['Problem'] & {
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
    ReopenedSuggestion: components['schemas']['Suggestion'] & {
      /** @description true when the undone accept had given the customer the tag and it was taken back */
      tagTakenBack: boolean;
      /** @description Whether the customer holds the tag now (one held before the accept stays) */
      tagHeld: boolean;
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
    CustomerChurn: {
      customerId: string;
      /** @description Calibrated churn probability */
      probability: number;
      riskBand: string;
      model: {
        /** Format: uuid */
        id: string;
        version: number;
        active: boolean;
      };
      scoredAt: string;
      factors: components['schemas']['ChurnFactor'][];
      explanation: string;
    };
    ChurnFactor: {
      feature: string;
      value: string | number | boolean | null;
      /** @description Log-odds; > 0 pushes towards churn */
      contribution: number;
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
    SegmentPreview: {
      count: number;
      /** @description Up to 20 members, by internal id */
      sample: components['schemas']['SegmentMember'][];
    };
    SegmentMember: {
      externalId: string;
      /** @description From the current churn scoring; null when not scored */
      churnProbability: number | null;
      riskBand: string | null;
      /** @description Slugs of the tags held now */
      tags: string[];
    };
    PreviewSegment: {
      expression: components['schemas']['SegmentExpression'];
    };
    /** @description A boolean expression over current tags, the current churn prediction and features (at most 8 levels deep and 200 nodes). A comparison on a value the customer lacks is false (so its `not` is true). */
    SegmentExpression:
      | {
          all: components['schemas']['SegmentExpression'][];
        }
      | {
          any: components['schemas']['SegmentExpression'][];
        }
      | {
          not: components['schemas']['SegmentExpression'];
        }
      | {
          /** @description A tag slug the customer holds now */
          tag: string;
        }
      | {
          /** @enum {string} */
          churn: 'probability';
          /** @enum {string} */
          op: '<' | '<=' | '>' | '>=' | '==' | '!=';
          value: number;
        }
      | {
          /** @enum {string} */
          churn: 'riskBand';
          /** @enum {string} */
          op: '==' | '!=';
          /** @example high */
          value: string;
        }
      | {
          feature: string;
          /** @enum {string} */
          op: '<' | '<=' | '>' | '>=' | '==' | '!=';
          /** @description A text value compares with == or != only */
          value: number | string;
        };
    SegmentList: {
      items: components['schemas']['Segment'][];
    };
    Segment: {
      /** Format: uuid */
      id: string;
      slug: string;
      name: string;
      description: string;
      expression: components['schemas']['SegmentExpression'];
      createdAt: string;
      updatedAt: string;
      lastSnapshot: components['schemas']['SegmentSnapshot'] | null;
    };
    SegmentSnapshot: {
      /** Format: uuid */
      id: string;
      takenAt: string;
      size: number;
      /** @description Members not in the previous snapshot */
      entered: number;
      /** @description Members of the previous snapshot now out */
      left: number;
    };
    CreateSegment: {
      /**
       * @description Lower-case ASCII words (a-z, 0-9) joined by single hyphens, 2–48 characters, unique in the workspace
       * @example high-value-regulars
       */
      slug: string;
      name: string;
      /** @default  */
      description: string;
      expression: components['schemas']['SegmentExpression'];
    };
    PatchSegment: {
      name?: string;
      description?: string;
      expression?: components['schemas']['SegmentExpression'];
    };
    SegmentMemberPage: {
      items: components['schemas']['SegmentMember'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    SegmentSnapshotList: {
      items: components['schemas']['SegmentSnapshot'][];
    };
    SegmentChangePage: {
      items: components['schemas']['SegmentChangedCustomer'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    SegmentChangedCustomer: {
      externalId: string;
    };
    /** @enum {string} */
    SegmentChange: 'entered' | 'left';
    CoverageReport: {
      /** @description Customers in the workspace */
      customers: number;
      /** @description Customers holding at least one tag now */
      tagged: number;
      /** @description Per tag category (all five, zeros included): customers holding a tag of it, and their share of all customers */
      byCategory: {
        category: components['schemas']['TagCategory'];
        customers: number;
        share: number;
      }[];
      /** @description Every tag with its current holders, most held first */
      tags: {
        slug: string;
        displayName: string;
        category: components['schemas']['TagCategory'];
        kind: components['schemas']['TagKind'];
        status: components['schemas']['TagStatus'];
        holders: number;
      }[];
      /** @description Holders at each of the last 20 refreshes (succeeded `suggest` jobs), oldest first, from the customer-tag history: held at t when assigned_at <= t < removed_at */
      trend: {
        /** @description When the refresh job finished */
        at: string;
        /** Format: uuid */
        jobId: string;
        tagged: number;
        /** @description Holders per tag slug at that time (tags without holders are absent) */
        byTag: {
          [key: string]: number;
        };
      }[];
    };
    AcceptanceReport: {
      /** @description Tags with suggestions in the window, by slug */
      byTag: {
        slug: string;
        pending: number;
        accepted: number;
        rejected: number;
        autoAccepted: number;
        /** @description accepted / (accepted + rejected): decisions by people only (auto-accepted ones are not); null before any */
        acceptanceRate: number | null;
      }[];
      /** @description Every source (cluster, churn, rule), zeros included */
      bySource: {
        source: components['schemas']['SuggestionSource'];
        pending: number;
        accepted: number;
        rejected: number;
        autoAccepted: number;
        /** @description accepted / (accepted + rejected): decisions by people only (auto-accepted ones are not); null before any */
        acceptanceRate: number | null;
      }[];
    };
    /** @description Confidence against decisions: suggestions accepted or rejected by a person (auto-accepted ones are not decisions and are left out) in equal-width bins [from, to) (the last includes 1). */
    ReliabilityReport: {
      sources: {
        source: components['schemas']['SuggestionSource'];
        /** @description Suggestions accepted or rejected by a person */
        decided: number;
        /** @description Σ (count_b / decided) · |meanConfidence_b − acceptanceRate_b| over the bins: 0 when confidence tracks acceptance; null with no decisions */
        weightedMeanAbsoluteGap: number | null;
        bins: {
          from: number;
          to: number;
          meanConfidence: number | null;
          acceptanceRate: number | null;
          accepted: number;
          rejected: number;
          count: number;
        }[];
      }[];
    };
    DriftReport: {
      /** @description The last 20 runs that continue an earlier run of their feature set, newest first */
      clusters: {
        /** Format: uuid */
        runId: string;
        /** Format: uuid */
        previousRunId: string;
        createdAt: string;
        featureSet: string;
        /** @description Customers this run clustered */
        customers: number;
        /** @description Customers both runs clustered */
        compared: number;
        /** @description Of those, customers whose cluster does not continue their previous one */
        moved: number;
        /** @description moved / compared */
        movedShare: number;
        byCluster: {
          cluster: number;
          tag: string | null;
          previousCluster: number | null;
          centroidShift: number | null;
          customers: number;
          stayed: number;
          movedIn: number;
          movedOut: number | null;
          newCustomers: number;
        }[];
      }[];
      /** @description The model behind the current churn scoring (else the active model); null when there is neither */
      churn: {
        /** Format: uuid */
        modelId: string;
        modelVersion: number;
        trainedAt: string;
        /** @description Out-of-fold probabilities of the model's cross-validation */
        training: {
          rows: number;
          bins: {
            from: number;
            to: number;
            share: number;
          }[];
        };
        current: {
          /** Format: uuid */
          scoringJobId: string;
          scoredAt: string;
          asOf: string;
          customers: number;
          bins: {
            from: number;
            to: number;
            share: number;
          }[];
        } | null;
        /** @description Population stability index Σ (current − training) · ln(current / training) over the bins (shares floored at 1e-4): < 0.1 stable, 0.1–0.25 moderate shift, > 0.25 major shift */
        psi: number | null;
        /** @description The current scoring (as of T) against realised churn: no purchase in [T, T + horizonDays), the model label. Due once T + H has passed and events reach it; before that realised figures are null. Null for models trained on a label column. */
        backtest: {
          /** Format: uuid */
          scoringJobId: string;
          asOf: string;
          horizonDays: number;
          windowEnd: string;
          due: boolean;
          pendingReason: string | null;
          customers: number;
          predictedRate: number | null;
          realisedRate: number | null;
          weightedMeanAbsoluteGap: number | null;
          bins: {
            from: number;
            to: number;
            meanPredicted: number | null;
            realisedRate: number | null;
            count: number;
          }[];
        } | null;
      } | null;
    };
    /** @description Tags not archived that nobody holds or was given in the window (`no-assignments`), or whose holders were never read through the API (customer detail) in the window (`no-reads`); by reason, then slug. */
    UnusedTagsReport: {
      days: number;
      tags: {
        slug: string;
        displayName: string;
        status: components['schemas']['TagStatus'];
        holders: number;
        lastAssignedAt: string | null;
        /** @description The last UTC day (YYYY-MM-DD) a customer read returned the tag */
        lastReadAt: string | null;
        /** @enum {string} */
        reason: 'no-assignments' | 'no-reads';
      }[];
    };
    WebhookWithSecret: components['schemas']['Webhook'] & {
      /** @description Signs every delivery (`X-Tagwise-Signature: sha256=<hex HMAC-SHA256 of "<X-Tagwise-Timestamp>.<body>">`). Shown only here: store it now; rotate it if lost. */
      secret: string;
    };
    /** @enum {string} */
    WebhookEventType:
      'tag.assigned' | 'tag.removed' | 'suggestion.created' | 'segment.entered' | 'segment.left';
    Webhook: {
      /** Format: uuid */
      id: string;
      url: string;
      events: components['schemas']['WebhookEventType'][];
      active: boolean;
      /**
       * Format: uuid
       * @description The API key that created it
       */
      createdBy: string | null;
      createdAt: string;
      updatedAt: string;
    };
    CreateWebhook: {
      /**
       * Format: uri
       * @example https://crm.example.com/hooks/tagwise
       */
      url: string;
      /** @description The event types to deliver (at least one) */
      events: components['schemas']['WebhookEventType'][];
      /** @default true */
      active: boolean;
    };
    WebhookPage: {
      items: components['schemas']['Webhook'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    WebhookDeliveryPage: {
      items: components['schemas']['WebhookDelivery'][];
      /** @description null on the last page */
      nextCursor: string | null;
    };
    WebhookDelivery: {
      /**
       * Format: uuid
       * @description Also the `id` of the delivered body: the same on every attempt
       */
      id: string;
      /** Format: uuid */
      subscriptionId: string;
      eventType: string;
      status: components['schemas']['WebhookDeliveryStatus'];
      attempts: number;
      lastError: string | null;
      lastStatusCode: number | null;
      /** @description When the next attempt is due (pending and failed deliveries) */
      nextAttemptAt: string | null;
      deliveredAt: string | null;
      createdAt: string;
    };
    /** @enum {string} */
    WebhookDeliveryStatus: 'pending' | 'delivering' | 'delivered' | 'failed' | 'dead';
    PatchWebhook: {
      /**
       * Format: uri
       * @example https://crm.example.com/hooks/tagwise
       */
      url?: string;
      /** @description The event types to deliver (at least one) */
      events?: components['schemas']['WebhookEventType'][];
      /** @description An inactive subscription gets no new deliveries; its queued ones wait (without spending attempts) until it is active again */
      active?: boolean;
    };
    AuditPage: {
      items: components['schemas']['AuditEntry'][];
      /** @description null on the last page */
      nextCursor: string | null;
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
