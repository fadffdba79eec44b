/** Shape of `GET /email-marketing/overview`, shared by server and admin (types only). */
export interface OverviewContentType {
  uid: string;
  displayName: string;
  emailFields: string[];
  count: number;
}

export interface OverviewConnection {
  id: string;
  provider: string;
  accountName: string;
  isDefault: boolean;
}

export interface Overview {
  pluginVersion: string;
  strapiVersion: string;
  connections: OverviewConnection[];
  contentTypes: OverviewContentType[];
}
