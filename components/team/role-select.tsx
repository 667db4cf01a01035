import * as React from 'react';
import { NativeSelect } from '@/components/ui/native-select';
import { WORKSPACE_ROLES, type WorkspaceRole } from '@/shared/workspace-roles';

type RoleSelectProps = Omit<React.ComponentProps<typeof NativeSelect>, 'value' | 'onChange' | 'children'> & {
  value: WorkspaceRole;
  onChange: (role: WorkspaceRole) => void;
  /** The roles offered: all of them unless the chooser may give only some (at most their own). */
  roles?: readonly WorkspaceRole[];
};

/** A choice of workspace role, named as the API names them. */
export function RoleSelect({ value, onChange, roles = WORKSPACE_ROLES, ...props }: RoleSelectProps) {
  return (
    <NativeSelect {...props} value={value} onChange={(e) => onChange(e.target.value as WorkspaceRole)}>
      {roles.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </NativeSelect>
  );
}
