'use client';
import type * as React from 'react';
import { Lock } from 'lucide-react';
import { EmptyState } from '@/components/empty-state';
import { useActiveRole, useCan } from '@/lib/client/queries/workspaces';
import type { WorkspaceAction } from '@/shared/workspace-roles';

/**
 * Renders its children only for a member who may do `action` in the active workspace (the rule the API
 * checks); nothing, or `fallback`, for anyone else and while the role is loading. A server page wraps its
 * write controls in it.
 */
export function Can({ action, children, fallback = null }: { action: WorkspaceAction; children: React.ReactNode; fallback?: React.ReactNode }) {
  return useCan(action) ? children : fallback;
}

/** What a page made of write controls shows a member who may not use them (a viewer following a link). */
export function NotAllowed({ children }: { children?: React.ReactNode }) {
  const role = useActiveRole();
  return (
    <EmptyState icon={Lock} title="Read-only for you" className="bg-muted/20">
      <span data-testid="not-allowed">{children ?? `You are a ${role ?? 'member'} in this workspace: a manager or owner makes these changes.`}</span>
    </EmptyState>
  );
}
