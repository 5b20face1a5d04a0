import type { Category, CheckProblem } from '@xuanlian/contracts';
import { Button, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { FILE_SRC } from '../fileSrc.ts';

/** The photos of a body with their captions, read without rendering anything. */
export function figuresOf(html: string): Array<{ src: string; caption: string }> {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return [...doc.querySelectorAll('figure')].map((f) => {
    const src = f.querySelector('img')?.getAttribute('src') ?? '';
    return { src: FILE_SRC.test(src) ? src : '', caption: f.querySelector('figcaption')?.textContent?.trim() ?? '' };
  });
}

/** The body with the first `found` in its text (not in captions) replaced. */
export function replaceInBody(html: string, found: string, replacement: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent ?? '';
    const at = text.indexOf(found);
    if (at >= 0 && !n.parentElement?.closest('figcaption')) {
      n.textContent = text.slice(0, at) + replacement + text.slice(at + found.length);
      return doc.body.innerHTML;
    }
  }
  return html;
}

/** The body with the caption of photo `index` set (the server sanitises whatever comes back). */
export function withCaption(html: string, index: number, caption: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const fig = doc.querySelectorAll('figure')[index];
  if (!fig) return html;
  let cap = fig.querySelector('figcaption');
  if (!cap) {
    cap = doc.createElement('figcaption');
    fig.appendChild(cap);
  }
  cap.textContent = caption;
  return doc.body.innerHTML;
}

/** One tap picks the category; the last one used is offered first. */
export function CategoryChips({ categories, value, onPick, busy }: { categories: Category[]; value: string | null; onPick: (id: string) => void; busy: boolean }) {
  return (
    <Flex gap={8} wrap data-testid="quick-categories">
      {categories.map((c) => (
        <Tag.CheckableTag
          key={c.id}
          checked={c.id === value}
          onChange={() => !busy && onPick(c.id)}
          style={{ padding: '6px 12px', fontSize: 15, border: '1px solid #d9d9d9', borderRadius: 16 }}
          data-testid={`quick-category-${c.name}`}
        >
          {c.name}
        </Tag.CheckableTag>
      ))}
    </Flex>
  );
}

/** A missing caption: the photo, and one field to type it in (saved when the field is left or 确定 is tapped). */
export function CaptionFix({ index, src, onSave, busy }: { index: number; src: string; onSave: (caption: string) => void; busy: boolean }) {
  const [text, setText] = useState('');
  return (
    <Flex gap={8} align="center" style={{ marginBottom: 8 }} data-testid={`quick-caption-${index}`}>
      {src && <img src={src} alt={`第 ${index + 1} 张图片`} style={{ width: 64, height: 48, objectFit: 'cover', borderRadius: 4, flex: 'none' }} />}
      <Input
        value={text}
        placeholder={`第 ${index + 1} 张图片说明`}
        onChange={(e) => setText(e.target.value)}
        onPressEnter={() => text.trim() && onSave(text.trim())}
        onBlur={() => text.trim() && onSave(text.trim())}
        disabled={busy}
        data-testid={`quick-caption-input-${index}`}
      />
    </Flex>
  );
}

/** A wording hit with a suggested replacement: one tap replaces it. */
export function WordingFix({ problem, onReplace, busy }: { problem: CheckProblem; onReplace: () => void; busy: boolean }) {
  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text>
        “<mark className={`xl-hit xl-hit-${problem.level}`}>{problem.found}</mark>” → “{problem.suggestion}”
      </Typography.Text>
      <Button size="small" onClick={onReplace} disabled={busy}>
        替换
      </Button>
    </Flex>
  );
}
