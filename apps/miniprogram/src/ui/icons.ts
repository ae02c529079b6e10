// NutUI's own line-icon set (the SVG icons NutUI's components already use), with its stylesheet.
import '@nutui/icons-react-taro/dist/style_icon.css';
import {
  Articles,
  Checked,
  CheckChecked,
  Comment,
  Edit,
  Fabulous,
  Feedback,
  Gardener,
  Health,
  Home,
  Internation,
  Link,
  List,
  Location,
  Message,
  Notice,
  Order,
  QrCode,
  Service,
  Setting,
  Star,
  Store,
  User,
  Video,
  Wallet,
  Warning,
  configure,
  Eye,
} from '@nutui/icons-react-taro';
import { ModuleKey } from '@szpm/contract';
import { ComponentType } from 'react';
import { HomeEntryKey, PersonalEntry } from '../logic/home-modules';

// NutUI renders icons as <i>, which the weapp templates have no element for (no plugin-html here)
if (process.env.TARO_ENV !== 'h5') configure({ tag: 'view' });

export interface IconProps {
  size?: string | number;
  color?: string;
  className?: string;
}

/** One icon per module of the contract's module list (and per personal entry): declared here only. */
export const ENTRY_ICONS: Record<HomeEntryKey, ComponentType<IconProps>> = {
  [ModuleKey.IDENTITY]: Link,
  [ModuleKey.AUTH]: QrCode,
  [ModuleKey.PERMISSIONS]: Setting,
  [ModuleKey.TODOS]: List,
  [ModuleKey.PROPERTY_AREAS]: Home,
  [ModuleKey.FILINGS]: Articles,
  [ModuleKey.SERVICE_EVALUATION]: Star,
  [ModuleKey.CREDIT]: Fabulous,
  [ModuleKey.OWNER_EVALUATIONS]: Comment,
  [ModuleKey.OWNER_DECISIONS]: Checked,
  [ModuleKey.COMMON_FUNDS]: Wallet,
  [ModuleKey.PRACTITIONERS]: User,
  [ModuleKey.PARKING]: Location,
  [ModuleKey.DISCLOSURES]: Eye,
  [ModuleKey.NOTICES]: Notice,
  [ModuleKey.SAFETY_INSPECTIONS]: Warning,
  [ModuleKey.TRAINING]: Video,
  [ModuleKey.SAFE_COMMUNITY]: Health,
  [ModuleKey.COMMUNITY_EVALUATIONS]: Feedback,
  [ModuleKey.GREEN_PROPERTY]: Gardener,
  [ModuleKey.WEATHER_BOARD]: Internation,
  [ModuleKey.DISPUTES]: Service,
  [PersonalEntry.INBOX]: Message,
  [PersonalEntry.SAFETY_TASKS]: Order,
  [PersonalEntry.MY_PROJECTS]: Store,
  [PersonalEntry.EVALUATION_REPLIES]: Edit,
  [PersonalEntry.VOTE_MANAGEMENT]: CheckChecked,
};

