import { Text } from '@tarojs/components';
import { ComponentProps, ReactNode, useState } from 'react';
import { isNothingToUrge, urgeErrorText } from '../logic/urge';
import { toast } from '../utils/feedback';
import { Button } from '../ui/button';
import { Dialog } from '../ui/dialog';

type Tap = { stopPropagation?: () => void } | undefined;
/** The button may sit in a tappable card: its taps are its own. */
const quiet = (event: Tap) => event?.stopPropagation?.();

type ButtonLook = Pick<ComponentProps<typeof Button>, 'size' | 'type' | 'fill' | 'block'>;

interface Props<R> extends ButtonLook {
  /** the button; the dialog's buttons are `${id}-confirm` and `${id}-cancel` */
  id: string;
  children: ReactNode;
  /** the dialog's title and confirm button: 催办, 催绑 */
  action: string;
  /** the question: 向 3 位未读的接收人发送催办提醒？同一接收人24小时内只催办一次。 */
  question: string;
  urge: () => Promise<R>;
  /** the result in words for the toast (urgeSummary of the contract) */
  summary: (result: R) => string;
  /** the page's words for "nobody is left to urge"; without them the api's message is shown */
  nothingLeftText?: string;
  /** after an urge that changed something on the server, or found nobody left: reload the page's numbers */
  onDone?: () => void;
}

/** 催办 / 催绑: confirm in a dialog, then busy (disabled, loading) until the result is toasted in words. */
export function UrgeButton<R>({ id, children, action, question, urge, summary, nothingLeftText, onDone, ...look }: Props<R>) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  const send = async () => {
    setAsking(false);
    setBusy(true);
    try {
      toast(summary(await urge()));
      onDone?.();
    } catch (error) {
      toast(urgeErrorText(error, nothingLeftText));
      if (isNothingToUrge(error)) onDone?.();
    } finally {
      setBusy(false);
    }
  };

  const ask = (event: Tap) => {
    quiet(event);
    setAsking(true);
  };
  const cancel = (event: Tap) => {
    quiet(event);
    setAsking(false);
  };
  const confirm = (event: Tap) => {
    quiet(event);
    void send();
  };

  return (
    <>
      <Button id={id} {...look} loading={busy} disabled={busy} onClick={ask}>
        {children}
      </Button>
      <Dialog
        visible={asking}
        title={action}
        onCancel={() => setAsking(false)}
        onClose={() => setAsking(false)}
        footer={
          <>
            <Button id={`${id}-cancel`} className="nut-dialog-footer-cancel" type="default" size="large" onClick={cancel}>
              取消
            </Button>
            <Button id={`${id}-confirm`} className="nut-dialog-footer-ok" type="primary" size="large" onClick={confirm}>
              {action}
            </Button>
          </>
        }
      >
        <Text>{question}</Text>
      </Dialog>
    </>
  );
}
