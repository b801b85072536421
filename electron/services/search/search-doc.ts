// Runs in: services. What is indexed of an article: plain text per field.
export interface SearchDoc {
  id: string;
  headline: string;
  subheadline: string;
  summary: string;
  body: string;
  tags: string;
  bylines: string;
}
