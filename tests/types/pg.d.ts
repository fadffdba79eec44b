// The slice of node-postgres the tests use (the package ships no types; @types/pg is not installed).
declare module 'pg' {
  export interface ClientConfig {
    host?: string;
    port?: number;
    user?: string;
    password?: string;
    database?: string;
  }
  export class Client {
    constructor(config?: ClientConfig);
    connect(): Promise<void>;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    query<R = Record<string, any>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
    end(): Promise<void>;
  }
}
