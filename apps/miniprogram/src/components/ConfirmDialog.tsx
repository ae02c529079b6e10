import { Text } from '@tarojs/components';
import { ReactNode, useCallback, useRef, useState } from 'react';
import { ConfirmWords } from '../logic/confirm';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';

/**
 * Confirm-then-act: `ask(words)` opens the dialog with what the action will do and resolves true on
 * its confirm button (`${id}-confirm`), false on 取消 (`${id}-cancel`) or closing it.
 */
export function useConfirmDialog(id: string): { ask: (words: ConfirmWords) => Promise<boolean>; dialog: ReactNode } {
  const [words, setWords] = useState<ConfirmWords | null>(null);
  const answer = useRef<((ok: boolean) => void) | null>(null);

  const ask = useCallback((next: ConfirmWords) => {
    answer.current?.(false);
    setWords(next);
    return new Promise<boolean>((resolve) => {
      answer.current = resolve;
    });
  }, []);

  const reply = (ok: boolean) => {
    answer.current?.(ok);
    answer.current = null;
    setWords(null);
  };

  const dialog = (
    <Dialog
      visible={words !== null}
      title={words?.title}
      onCancel={() => reply(false)}
      onClose={() => reply(false)}
      footer={
        <>
          <Button id={`${id}-cancel`} className="nut-dialog-footer-cancel" type="default" size="large" onClick={() => reply(false)}>
            取消
          </Button>
          <Button id={`${id}-confirm`} className="nut-dialog-footer-ok" type="primary" size="large" onClick={() => reply(true)}>
            {words?.confirmText ?? '确定'}
          </Button>
        </>
      }
    >
      <Text id={`${id}-content`}>{words?.content}</Text>
    </Dialog>
  );
  return { ask, dialog };
}
