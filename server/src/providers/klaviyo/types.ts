/** JSON:API shapes of the Klaviyo answers the plugin reads (revision 2026-07-15). */
export interface Document<A> {
  type: string;
  id: string;
  attributes: A;
  relationships?: Record<
    string,
    { data: { type: string; id: string } | Array<{ type: string; id: string }> | null }
  >;
}

export interface Collection<A> {
  data: Array<Document<A>>;
  links?: { self?: string; next?: string | null; prev?: string | null };
}

export interface Single<A> {
  data: Document<A>;
}

export interface AccountAttributes {
  contact_information: {
    default_sender_name: string;
    default_sender_email: string;
    organization_name: string;
  };
  public_api_key: string;
}

export interface ListAttributes {
  name: string;
  opt_in_process: 'single_opt_in' | 'double_opt_in';
  profile_count?: number;
  created: string;
  updated: string;
}

export interface Suppression {
  reason: 'HARD_BOUNCE' | 'INVALID_EMAIL' | 'SPAM_COMPLAINT' | 'UNSUBSCRIBE' | 'USER_SUPPRESSED';
  timestamp: string;
}

export interface ListSuppression {
  list_id: string;
  reason: string;
  timestamp: string;
}

export interface EmailMarketing {
  can_receive_email_marketing: boolean;
  consent: 'SUBSCRIBED' | 'UNSUBSCRIBED' | 'NEVER_SUBSCRIBED' | string;
  consent_timestamp: string | null;
  suppression?: Suppression[];
  list_suppressions?: ListSuppression[];
}

export interface ProfileAttributes {
  email: string;
  first_name: string | null;
  last_name: string | null;
  phone_number: string | null;
  organization: string | null;
  title: string | null;
  locale: string | null;
  location: Record<string, string | null> | null;
  properties: Record<string, unknown>;
  subscriptions?: { email?: { marketing?: EmailMarketing } };
}

export interface ImportJobAttributes {
  status: 'queued' | 'processing' | 'complete' | 'cancelled';
  total_count: number;
  completed_count: number;
  failed_count: number;
}

export interface ImportErrorAttributes {
  code: string;
  title: string;
  detail: string;
  source: { pointer?: string };
  original_payload: Record<string, unknown>;
}

export interface TemplateAttributes {
  name: string;
  editor_type: string;
  html: string;
}

export type CampaignStatus = string;

export interface CampaignAttributes {
  name: string;
  status: CampaignStatus;
  audiences: { included: string[]; excluded: string[] };
  send_strategy: { method: string; datetime?: string };
  send_options: { use_smart_sending?: boolean };
  created_at: string;
  scheduled_at: string | null;
  send_time: string | null;
}

export interface MessageAttributes {
  definition: {
    channel: string;
    label: string;
    content: {
      subject: string;
      preview_text: string;
      from_email: string;
      from_label: string;
      reply_to_email: string | null;
    };
  };
}

export interface MetricAttributes {
  name: string;
  integration: { name: string };
}

export interface ValuesReport {
  data: {
    attributes: {
      results: Array<{
        groupings: { campaign_id?: string; campaign_message_id?: string; send_channel?: string };
        statistics: Record<string, number>;
      }>;
    };
  };
}
