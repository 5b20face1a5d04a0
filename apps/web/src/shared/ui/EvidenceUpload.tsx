import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload, type UploadFile } from 'antd';
import type { EvidenceRef } from '@xuanlian/contracts';
import { useState } from 'react';
import { uploadEvidence } from '../api/evidence.ts';
import { errorMessage } from '../api/errors.ts';

/**
 * Photos and files as evidence: each is uploaded as soon as it is picked (a phone on a weak
 * network sees which one failed) and the form keeps only the returned hashes.
 */
export function EvidenceUpload({
  value = [],
  onChange,
  testId,
  urlOf,
}: {
  value?: EvidenceRef[];
  onChange?: (v: EvidenceRef[]) => void;
  testId?: string;
  /** Where an already attached file can be opened (through the record that attaches it). */
  urlOf?: (sha256: string) => string;
}) {
  const [list, setList] = useState<UploadFile[]>(() => value.map((f) => ({ uid: f.sha256, name: f.name, status: 'done', url: urlOf?.(f.sha256) })));
  return (
    <Upload
      multiple
      listType="text"
      fileList={list}
      accept="image/*,.pdf,.docx,.xlsx,.pptx,.mp4"
      customRequest={async ({ file, onSuccess, onError }) => {
        try {
          const stored = await uploadEvidence(file as File);
          onSuccess?.(stored);
        } catch (e) {
          onError?.(new Error(errorMessage(e)));
        }
      }}
      onChange={({ fileList }) => {
        setList(fileList.map((f) => (f.status === 'error' ? { ...f, response: f.error?.message } : f)));
        const done = fileList.flatMap((f) => {
          const r = f.response as { sha256?: string; name?: string } | undefined;
          if (f.status === 'done' && r?.sha256) return [{ sha256: r.sha256, name: f.name }];
          if (f.status === 'done' && !r) return [{ sha256: f.uid, name: f.name }];
          return [];
        });
        onChange?.(done);
      }}
    >
      <Button icon={<UploadOutlined />} data-testid={testId}>
        上传照片或附件
      </Button>
    </Upload>
  );
}
