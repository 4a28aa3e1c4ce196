/** `%`, `_` and `\` in user input are literal characters in a LIKE pattern, not wildcards. */
export const likeEscape = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`)
