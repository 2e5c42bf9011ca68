import { en, type Messages } from "@/lib/i18n/messages/en";
import { ja } from "@/lib/i18n/messages/ja";
import type { Locale } from "@/lib/i18n/locales";

export const MESSAGES: Record<Locale, Messages> = { ja, en };
