'use client';
import * as React from 'react';
import { Dialog as DialogPrimitive } from 'radix-ui';
import { Menu, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Brand } from './brand';
import { NavLinks } from './nav-links';
import { ThemeToggle } from './theme-toggle';
import { UserMenu, type ShellUser } from './user-menu';
import { WorkspaceSwitcher } from './workspace-switcher';

/** Sidebar on wide screens; a top bar with a slide-in menu on a phone. */
export function AppShell({ user, children }: { user: ShellUser; children: React.ReactNode }) {
  const [menuOpen, setMenuOpen] = React.useState(false);
  return (
    <div className="min-h-dvh md:grid md:grid-cols-[15rem_1fr]">
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-card focus:px-3 focus:py-2 focus:shadow">
        Skip to content
      </a>
      <aside className="sticky top-0 hidden h-dvh flex-col border-r bg-sidebar md:flex">
        <div className="flex h-14 items-center justify-between px-4">
          <Brand />
          <ThemeToggle />
        </div>
        <div className="px-3 pb-2">
          <WorkspaceSwitcher />
        </div>
        <div className="flex-1 overflow-y-auto px-3 py-2">
          <NavLinks />
        </div>
        <div className="border-t p-2">
          <UserMenu user={user} />
        </div>
      </aside>

      <header className="sticky top-0 z-40 flex h-14 items-center gap-2 border-b bg-background/90 px-3 backdrop-blur md:hidden">
        <DialogPrimitive.Root open={menuOpen} onOpenChange={setMenuOpen}>
          <DialogPrimitive.Trigger asChild>
            <Button variant="ghost" size="icon-sm" aria-label="Open menu">
              <Menu aria-hidden />
            </Button>
          </DialogPrimitive.Trigger>
          <DialogPrimitive.Portal>
            <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-black/50" />
            <DialogPrimitive.Content className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col border-r bg-sidebar p-3 shadow-xl">
              <DialogPrimitive.Title className="sr-only">Menu</DialogPrimitive.Title>
              <DialogPrimitive.Description className="sr-only">Switch workspace, or go to campaigns, the do-not-call list, compliance or the team</DialogPrimitive.Description>
              <div className="mb-4 flex items-center justify-between px-1">
                <Brand />
                <DialogPrimitive.Close asChild>
                  <Button variant="ghost" size="icon-sm" aria-label="Close menu">
                    <X aria-hidden />
                  </Button>
                </DialogPrimitive.Close>
              </div>
              <div className="mb-3 px-1">
                <WorkspaceSwitcher testId="workspace-switcher-mobile" />
              </div>
              <NavLinks onNavigate={() => setMenuOpen(false)} />
            </DialogPrimitive.Content>
          </DialogPrimitive.Portal>
        </DialogPrimitive.Root>
        <Brand className="mr-auto" />
        <ThemeToggle testId="theme-toggle-mobile" />
        <div className="w-11">
          <UserMenu user={user} compact />
        </div>
      </header>

      <main id="main" className="min-w-0 px-4 py-6 sm:px-6 lg:px-10 lg:py-8">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
    </div>
  );
}
