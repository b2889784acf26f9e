/**
 * The fields the Windows mapping fills (or copies from the record), which a document of another
 * shape (NXLog's, the XML) must give as the Winlogbeat document of the same record gives them.
 */
export const MAPPED_FIELDS = [
  'event.code',
  'event.provider',
  'event.action',
  'event.category',
  'event.outcome',
  'event.reason',
  'user.name',
  'user.domain',
  'source.ip',
  'source.port',
  'source.domain',
  'winlog.logon.type',
  'winlog.logon.failure.status',
  'winlog.channel',
  'winlog.computer_name',
];
