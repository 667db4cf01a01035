'use client';
import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '@/lib/client/api';
import type { QualificationCriterion, QualificationPreview, TranscriptTurn } from '@/lib/client/types';

export type PreviewInput = { transcript: TranscriptTurn[]; qualificationCriteria: QualificationCriterion[]; minQualificationScore: number };

export function useQualificationPreview() {
  return useMutation({
    mutationFn: (input: PreviewInput) => apiFetch<QualificationPreview>('/api/qualification/preview', { method: 'POST', json: input }),
  });
}
