'use client';
// Drag-and-drop of one file onto a zone: whether a file is over it, and the handlers to spread on it.
import * as React from 'react';

export function useFileDrop(onFile: (file: File) => void) {
  const [over, setOver] = React.useState(false);
  const handlers = {
    onDragOver: (e: React.DragEvent) => {
      e.preventDefault();
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (e: React.DragEvent) => {
      e.preventDefault();
      setOver(false);
      const file = e.dataTransfer.files[0];
      if (file) onFile(file);
    },
  };
  return { over, handlers };
}
