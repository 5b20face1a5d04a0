import {
  BoldOutlined,
  DeleteColumnOutlined,
  DeleteOutlined,
  DeleteRowOutlined,
  InsertRowBelowOutlined,
  InsertRowRightOutlined,
  ItalicOutlined,
  OrderedListOutlined,
  PictureOutlined,
  RedoOutlined,
  TableOutlined,
  UnderlineOutlined,
  UndoOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { App, Button, Divider, Tooltip } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../../../shared/api/errors.ts';

function Tool({ title, icon, active, disabled, onClick, testId }: { title: string; icon: ReactNode; active?: boolean; disabled?: boolean; onClick: () => void; testId?: string }) {
  return (
    <Tooltip title={title} mouseEnterDelay={0.4}>
      <Button
        size="small"
        type={active ? 'primary' : 'text'}
        ghost={active}
        icon={icon}
        aria-label={title}
        aria-pressed={active}
        disabled={disabled}
        onMouseDown={(e) => e.preventDefault()}
        onClick={onClick}
        data-testid={testId}
      />
    </Tooltip>
  );
}

/** Puts the cursor into the caption of the photo just inserted, so the reporter types it at once. */
function focusCaptionOf(editor: Editor, src: string): void {
  let target = -1;
  editor.state.doc.descendants((node, pos) => {
    if (node.type.name === 'figure' && node.attrs.src === src) target = pos + 1 + node.content.size;
    return node.type.name !== 'figure';
  });
  if (target >= 0) editor.chain().focus().setTextSelection(target).run();
}

export function EditorToolbar({ editor, onUpload }: { editor: Editor; onUpload?: ((file: File) => Promise<{ url: string; name: string }>) | undefined }) {
  const { message } = App.useApp();
  const fileInput = useRef<HTMLInputElement>(null);
  const [uploading, setUploading] = useState(false);
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
      quote: e.isActive('blockquote'),
      table: e.isActive('table'),
      undo: e.can().undo(),
      redo: e.can().redo(),
    }),
  });
  const c = () => editor.chain().focus();

  const upload = async (file: File | undefined) => {
    if (!file || !onUpload) return;
    setUploading(true);
    try {
      const stored = await onUpload(file);
      c()
        .insertFigure({ src: stored.url, alt: stored.name.replace(/\.[^.]+$/, '') })
        .run();
      focusCaptionOf(editor, stored.url);
      message.success('图片已插入，请在图片下方填写图片说明');
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setUploading(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <div className="xl-editor-toolbar" role="toolbar" aria-label="编辑工具栏">
      <Tool title="撤销" icon={<UndoOutlined />} disabled={!s.undo} onClick={() => c().undo().run()} />
      <Tool title="重做" icon={<RedoOutlined />} disabled={!s.redo} onClick={() => c().redo().run()} />
      <Divider orientation="vertical" />
      <Tool title="加粗" icon={<BoldOutlined />} active={s.bold} onClick={() => c().toggleBold().run()} />
      <Tool title="倾斜" icon={<ItalicOutlined />} active={s.italic} onClick={() => c().toggleItalic().run()} />
      <Tool title="下划线" icon={<UnderlineOutlined />} active={s.underline} onClick={() => c().toggleUnderline().run()} />
      <Tool title="一级小标题" icon={<b>H2</b>} active={s.h2} onClick={() => c().toggleHeading({ level: 2 }).run()} />
      <Tool title="二级小标题" icon={<b>H3</b>} active={s.h3} onClick={() => c().toggleHeading({ level: 3 }).run()} />
      <Tool title="无序列表" icon={<UnorderedListOutlined />} active={s.bullet} onClick={() => c().toggleBulletList().run()} />
      <Tool title="有序列表" icon={<OrderedListOutlined />} active={s.ordered} onClick={() => c().toggleOrderedList().run()} />
      <Tool title="引用" icon={<b>“”</b>} active={s.quote} onClick={() => c().toggleBlockquote().run()} />
      <Divider orientation="vertical" />
      {onUpload && (
        <>
          <Tool title="插入图片（带图片说明）" icon={<PictureOutlined />} disabled={uploading} onClick={() => fileInput.current?.click()} testId="editor-insert-image" />
          <input ref={fileInput} type="file" accept="image/jpeg,image/png,image/gif,image/webp" hidden onChange={(e) => void upload(e.target.files?.[0])} data-testid="editor-image-input" />
        </>
      )}
      <Tool title="插入表格" icon={<TableOutlined />} onClick={() => c().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()} testId="editor-insert-table" />
      {s.table && (
        <>
          <Tool title="下方插入行" icon={<InsertRowBelowOutlined />} onClick={() => c().addRowAfter().run()} />
          <Tool title="右侧插入列" icon={<InsertRowRightOutlined />} onClick={() => c().addColumnAfter().run()} />
          <Tool title="删除行" icon={<DeleteRowOutlined />} onClick={() => c().deleteRow().run()} />
          <Tool title="删除列" icon={<DeleteColumnOutlined />} onClick={() => c().deleteColumn().run()} />
          <Tool title="删除表格" icon={<DeleteOutlined />} onClick={() => c().deleteTable().run()} />
        </>
      )}
    </div>
  );
}
