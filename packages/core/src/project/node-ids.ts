/** The 12-digit code of the county a place lies in. */
export function countyCodeOf(code: string): string {
  return code.slice(0, 6).padEnd(12, '0');
}
