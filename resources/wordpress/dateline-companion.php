<?php
/**
 * Plugin Name:       Dateline Companion
 * Description:       Lets the Dateline newsroom editor keep two markers on the posts it publishes, through the REST API: the publishing job that created the post (so a retry after a lost reply finds the post instead of creating a duplicate) and the Dateline article it came from.
 * Version:           1.0.0
 * Requires at least: 5.6
 * Requires PHP:      7.4
 * Author:            Dateline
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 *
 * Installation: copy this file into wp-content/mu-plugins/ (a must-use plugin, always active) or
 * into wp-content/plugins/ and activate it. It adds no tables, options, admin screens or routes;
 * without it Dateline still publishes, but finds lost posts by a slower fallback.
 *
 * Both fields are single strings, shown to and written by users who may edit posts (the same
 * people who may publish through Dateline); WordPress checks per post that the user may edit
 * that post before any meta is written.
 */

defined( 'ABSPATH' ) || exit;

/**
 * Registers the Dateline post meta fields so the REST API stores and returns them.
 */
function dateline_companion_register_meta() {
	$shared = array(
		'type'              => 'string',
		'single'            => true,
		'show_in_rest'      => true,
		'default'           => '',
		'sanitize_callback' => 'dateline_companion_sanitize_marker',
		'auth_callback'     => static function () {
			return current_user_can( 'edit_posts' );
		},
	);

	register_post_meta(
		'post',
		'dateline_job',
		array_merge(
			$shared,
			array( 'description' => __( 'The Dateline publishing job that created this post.' ) )
		)
	);

	register_post_meta(
		'post',
		'dateline_document',
		array_merge(
			$shared,
			array( 'description' => __( 'The Dateline article this post was published from.' ) )
		)
	);
}
add_action( 'init', 'dateline_companion_register_meta' );

/**
 * Keeps markers short and plain: letters, digits, dashes, underscores, dots and colons.
 *
 * @param mixed $value The submitted value.
 * @return string The sanitized marker.
 */
function dateline_companion_sanitize_marker( $value ) {
	$value = is_scalar( $value ) ? (string) $value : '';
	return substr( preg_replace( '/[^A-Za-z0-9_.:\-]/', '', $value ), 0, 200 );
}
