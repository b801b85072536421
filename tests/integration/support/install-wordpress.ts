// Runs in: test processes. Installs WordPress without HTTP (wp_install from the PHP CLI), sets the
// permalink structure, removes the sample content, and creates one account per newsroom role,
// each with an Application Password.
import { randomBytes } from 'node:crypto';
import { WordPressFixtureError } from './wordpress-fixture-error';

export const WORDPRESS_ROLES = ['admin', 'editor', 'author', 'contributor'] as const;
export type WordPressRole = (typeof WORDPRESS_ROLES)[number];

export interface WordPressUser {
  login: string;
  /** As WordPress shows it once: four-character groups separated by spaces. */
  appPassword: string;
  /** The normal login password (REST rejects it: only Application Passwords work). */
  password: string;
  id: number;
  role: WordPressRole;
}

export type WordPressUsers = Record<WordPressRole, WordPressUser>;

const INSTALL_PHP = `
$admin_password = $input['passwords']['admin'];
$result = wp_install($input['title'], 'admin', 'admin@example.test', true, '', $admin_password, '');
if (empty($result['user_id'])) { fwrite(STDERR, 'wp_install returned no user'); exit(2); }
update_option('blogdescription', $input['tagline']);
update_option('timezone_string', 'UTC');
global $wp_rewrite;
$wp_rewrite->set_permalink_structure($input['permalinks']);
flush_rewrite_rules(false);
// Start empty: no "Hello world!", sample page or privacy page draft.
foreach (get_posts(['post_type' => 'any', 'post_status' => 'any', 'numberposts' => -1, 'fields' => 'ids']) as $id) {
  wp_delete_post($id, true);
}
$users = ['admin' => ['id' => (int) $result['user_id'], 'role' => 'administrator', 'login' => 'admin']];
foreach (['editor', 'author', 'contributor'] as $role) {
  $id = wp_insert_user([
    'user_login' => $role,
    'user_pass' => $input['passwords'][$role],
    'user_email' => $role . '@example.test',
    'display_name' => $input['names'][$role],
    'role' => $role,
  ]);
  if (is_wp_error($id)) { fwrite(STDERR, $id->get_error_message()); exit(3); }
  $users[$role] = ['id' => (int) $id, 'role' => $role, 'login' => $role];
}
foreach ($users as $key => $user) {
  $created = WP_Application_Passwords::create_new_application_password($user['id'], ['name' => 'Dateline tests']);
  if (is_wp_error($created)) { fwrite(STDERR, $created->get_error_message()); exit(4); }
  $users[$key]['appPassword'] = WP_Application_Passwords::chunk_password($created[0]);
}
echo json_encode($users);
`;

type RunPhp = (code: string, options: { input: unknown; installing: boolean }) => Promise<string>;

export async function installWordPress(runPhp: RunPhp, options: { title: string; tagline: string; prettyPermalinks: boolean }): Promise<WordPressUsers> {
  const passwords = Object.fromEntries(WORDPRESS_ROLES.map((role) => [role, randomBytes(12).toString('base64url')])) as Record<WordPressRole, string>;
  const names = { editor: 'Edith Editor', author: 'Arthur Author', contributor: '王小明' };
  const output = await runPhp(INSTALL_PHP, {
    installing: true,
    input: { title: options.title, tagline: options.tagline, permalinks: options.prettyPermalinks ? '/%postname%/' : '', passwords, names },
  });
  let parsed: Record<WordPressRole, { id: number; login: string; appPassword: string }>;
  try {
    parsed = JSON.parse(output.slice(output.indexOf('{'))) as typeof parsed;
  } catch {
    throw new WordPressFixtureError('Cannot start the test WordPress: the install script printed no user list.', output.slice(-4000));
  }
  const users = {} as WordPressUsers;
  for (const role of WORDPRESS_ROLES) {
    const user = parsed[role];
    if (!user?.appPassword) throw new WordPressFixtureError(`Cannot start the test WordPress: the install created no Application Password for ${role}.`, output);
    users[role] = { login: user.login, appPassword: user.appPassword, password: passwords[role], id: user.id, role };
  }
  return users;
}
