/** esbuild loads these for the benchmark page: text files as strings, stylesheets into page.css. */
declare module '*.txt' {
  const text: string;
  export default text;
}
declare module '*.css';
