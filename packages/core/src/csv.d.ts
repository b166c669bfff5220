// Bundled data files (packages/core/data/**) are imported as text: tsup loads them with
// `loader: { '.csv': 'text' }`, vitest with the csvAsText plugin of vitest.shared.ts.
declare module '*.csv' {
  const text: string;
  export default text;
}
