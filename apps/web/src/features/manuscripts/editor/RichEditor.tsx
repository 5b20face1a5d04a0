import type { Editor } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useRef, type RefObject } from 'react';
import { Figure } from './figure.ts';
import { Highlights } from './highlights.ts';
import { EditorToolbar } from './EditorToolbar.tsx';
import './editor.css';

interface Props {
  initialHtml: string;
  editable: boolean;
  /** Receives the editor once it exists (and null when it goes), for saving and highlighting. */
  editorRef: RefObject<Editor | null>;
  /** Called on every change of the content (cheap: the HTML is read when saving). */
  onChange?: () => void;
  /** Stores a photo and answers its URL; without it the toolbar offers no photo button. */
  onUpload?: (file: File) => Promise<{ url: string; name: string }>;
  testId?: string;
}

export const EXTENSIONS = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    strike: false,
    horizontalRule: false,
    link: { openOnClick: false, autolink: false, protocols: [], isAllowedUri: (url: string) => /^https?:\/\//i.test(url) },
  }),
  TableKit.configure({ table: { resizable: false } }),
  Figure,
  Highlights,
];

/** The manuscript body: paragraphs, headings, lists, tables and captioned photos, nothing else. */
export function RichEditor({ initialHtml, editable, editorRef, onChange, onUpload, testId = 'manuscript-editor' }: Props) {
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  const editor = useEditor({
    extensions: EXTENSIONS,
    content: initialHtml,
    editable,
    shouldRerenderOnTransaction: false,
    editorProps: { attributes: { 'aria-label': '正文', 'data-testid': `${testId}-body`, class: 'xl-prose' } },
    onUpdate: () => changed.current?.(),
  });

  useEffect(() => {
    editorRef.current = editor;
    return () => {
      editorRef.current = null;
    };
  }, [editor, editorRef]);

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  return (
    <div className={`xl-editor${editable ? ' xl-editor-editable' : ''}`} data-testid={testId}>
      {editable && editor && <EditorToolbar editor={editor} onUpload={onUpload} />}
      <EditorContent editor={editor} />
    </div>
  );
}
