import { HomeEntryKey } from '../logic/home-modules';
import { ENTRY_ICONS } from '../ui/icons';

/** A home tile's icon: the line icon declared for the module (or personal entry) in ui/icons.ts. */
export function ModuleIcon({ entry, className }: { entry: HomeEntryKey; className?: string }) {
  const Icon = ENTRY_ICONS[entry];
  return <Icon className={className ?? 'module-icon'} />;
}
