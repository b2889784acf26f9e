/** Records written for Klaxon's tests in the shape of Cowrie's JSON log (cowrie.json). */
export const cowrieRecord = (fields: Record<string, unknown>) =>
  JSON.stringify({
    sensor: 'hp-eu-1',
    timestamp: '2024-03-04T10:00:01.654321Z',
    session: 'a1b2c3d4',
    ...fields,
  });
export const CONNECT = cowrieRecord({
  eventid: 'cowrie.session.connect',
  src_ip: '203.0.113.7',
  src_port: 52114,
  dst_ip: '10.0.0.5',
  dst_port: 2222,
  protocol: 'ssh',
  message: 'New connection: 203.0.113.7:52114 (10.0.0.5:2222) [session: a1b2c3d4]',
});
export const FAILED = cowrieRecord({
  eventid: 'cowrie.login.failed',
  src_ip: '203.0.113.7',
  username: 'admin',
  password: 'hunter2secret',
  message: 'login attempt [admin/hunter2secret] failed',
});
export const SUCCESS = cowrieRecord({
  eventid: 'cowrie.login.success',
  src_ip: '203.0.113.7',
  username: 'root',
  password: 'toor-secret',
  message: 'login attempt [root/toor-secret] succeeded',
});
export const CLOSED = cowrieRecord({ eventid: 'cowrie.session.closed', src_ip: '203.0.113.7', duration: 3.2 });
