/** A parsed source document before chunking: metadata plus a flat list of headings and paragraphs. */
export interface Block {
  kind: 'heading' | 'paragraph';
  text: string;
  /** Heading depth, 1 = top. */
  level?: number;
  /** 1-based line range in the source file (text, Markdown). */
  lineStart?: number;
  lineEnd?: number;
  /** [character offset in text, line number] for each source line, so a cut paragraph keeps exact lines. */
  lineOffsets?: [number, number][];
  /** 1-based page (PDF). */
  page?: number;
  /** 1-based paragraph number (DOCX). */
  paragraph?: number;
}

export const DOCUMENT_TYPES = ['handboek', 'methode', 'werkvorm', 'dilemma', 'sociale-kaart', 'casus', 'achtergrond', 'onboarding'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export type DocumentFormat = 'markdown' | 'text' | 'pdf' | 'docx';

export interface ParsedDocument {
  format: DocumentFormat;
  title: string;
  type?: DocumentType;
  source?: string;
  /** Front matter and other descriptive fields, kept as they were given. */
  meta: Record<string, unknown>;
  /** A team id from the front matter: the document is then visible to that team only. */
  team?: string;
  /** Per heading text (or the title, for the text above the first heading): questions the section answers. */
  questions?: Record<string, string[]>;
  blocks: Block[];
}
