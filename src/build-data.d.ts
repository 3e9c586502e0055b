// The virtual module the build's integration serves to the pages (src/integrations/build-data.ts).
declare module 'virtual:sussex-directory/build-data' {
  const data: import('./integrations/build-data.ts').BuildData;
  export default data;
}
