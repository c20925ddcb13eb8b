/**
 * A deterministic draw in [0, 1) from a text, in SQL: the same household number gives the same
 * draw on every run, so the demo is the same database every time, without a random generator to
 * seed or rows to loop over. Each use salts the text (`household_no || ':grade'`) so draws for
 * different purposes are independent.
 */
export function draw(textSql: string): string {
  return `((('x' || substr(md5(${textSql}), 1, 8))::bit(32)::int & 2147483647)::float8 / 2147483648)`;
}
