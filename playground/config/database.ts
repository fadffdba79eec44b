import path from 'path';

export default ({ env }) => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  if (client === 'postgres') {
    return {
      connection: {
        client: 'postgres',
        connection: {
          host: env('DATABASE_HOST', '127.0.0.1'),
          port: env.int('DATABASE_PORT', 5432),
          database: env('DATABASE_NAME', 'strapi'),
          user: env('DATABASE_USERNAME', 'strapi'),
          password: env('DATABASE_PASSWORD', 'strapi'),
        },
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
      },
    };
  }
  return {
    connection: {
      client: 'sqlite',
      // path.resolve keeps an absolute DATABASE_FILENAME absolute (tests use a temp file).
      connection: {
        filename: path.resolve(__dirname, '..', '..', env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
      // WAL: a commit appends to the log and syncs it once (synchronous FULL keeps every
      // committed row durable), instead of the rollback journal's several syncs per commit;
      // readers no longer wait for the writer either.
      pool: {
        afterCreate: (
          conn: { pragma(statement: string): unknown },
          done: (error: Error | null, conn: unknown) => void
        ) => {
          conn.pragma('journal_mode = WAL');
          conn.pragma('synchronous = FULL');
          done(null, conn);
        },
      },
    },
  };
};
