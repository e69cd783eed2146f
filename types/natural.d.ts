// Type declarations for the one part of natural verbatim imports (importing natural's index loads databases and prints banners).
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}
