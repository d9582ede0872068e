/** Files Vite gives as a URL (`import url from 'x?url'`): the built asset's address. */
declare module '*?url' {
  const url: string;
  export default url;
}
