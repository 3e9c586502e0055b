// The date the site is built "as of": BUILD_DATE in tests and benchmarks, otherwise today.
export function buildDate(): string {
  return process.env.BUILD_DATE ?? new Date().toISOString().slice(0, 10);
}
