<?php
/**
 * Plugin Name:       Dateline Companion
 * Description:       Lets the Dateline newsroom editor keep its markers and review packages on posts through the REST API: the publishing job that created a post (so a retry after a lost reply finds the post instead of creating a duplicate), the Dateline article it came from, and — for editorial review — Dateline's own document with its history and comments, saved with a compare-and-swap revision so two people's edits never overwrite each other.
 * Version:           2.3.0
 * Requires at least: 5.6
 * Requires PHP:      7.4
 * Author:            Dateline
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 *
 * Installation: copy this file into wp-content/mu-plugins/ (a must-use plugin, always active) or
 * into wp-content/plugins/ and activate it. It adds no tables, options or admin screens; without
 * it Dateline still publishes (finding lost posts by a slower fallback) and still reads posts sent
 * for review (from their HTML), but review history and comments cannot be kept in WordPress.
 *
 * What it adds:
 * - post meta `dateline_job`, `dateline_document` and `dateline_article` (the article a published
 *   post came from, so a second copy of a library finds the post instead of making another):
 *   short public markers (letters, digits, - _ . :).
 * - post meta `dateline_publisher`: the job and computer that last published the post, shown only
 *   in the `edit` context to people who may edit that post.
 * - post meta `dateline_subheadline`, `dateline_source` (稿源, the paper or agency the story comes
 *   from) and `dateline_responsible_editor` (责任编辑): public plain text a theme may show; Dateline
 *   also adds the source and editor as visible lines in the content.
 * - post meta `dateline_review`: Dateline's review package (base64 of its JSON, so WordPress's
 *   slashing and sanitizing never touch it) and `dateline_hub_revision`, its revision counter.
 *   Both are shown only in the `edit` context and only to people who may edit that very post
 *   (a Contributor listing posts with context=edit never sees other people's packages), never to
 *   visitors; the revision is written only by this plugin.
 * - on POST /wp/v2/posts[/<id>] carrying `meta.dateline_review`: the request must name
 *   `dateline_base_revision`; under a database lock per article the plugin checks that the stored
 *   revision is still that base and answers 409 `dateline_review_conflict` otherwise, and bumps the
 *   revision once WordPress has saved the post. WordPress's own permission checks are unchanged.
 * - collection parameters on /wp/v2/posts for people who may edit posts: `dateline_document=<id>`,
 *   `dateline_article=<id>` and `dateline_review=with|without` (posts with or without a review
 *   package). WordPress still lists only the posts the person may read in the `edit` context.
 * - GET  /dateline/v1/companion: which version answers (lets Dateline know the plugin is there).
 * - POST /dateline/v1/photos?media_id=<sha256>.<ext>: a photo of an article sent for review, for
 *   anyone who may write posts (so a Contributor can send photos, which core WordPress refuses
 *   them). Only a real image whose bytes hash to the name given is accepted, and a photo already
 *   there (stored by this plugin, or by its `dateline-<first 16 hex>` slug) is returned instead of
 *   stored twice — but only once its file is shown to hash to that name: anyone who may upload can
 *   give an attachment that slug.
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

	register_post_meta(
		'post',
		'dateline_article',
		array_merge(
			$shared,
			array( 'description' => __( 'The Dateline article this post was published from (publishing targets).' ) )
		)
	);

	register_post_meta(
		'post',
		'dateline_publisher',
		array_merge(
			$shared,
			array(
				'description'   => __( 'The Dateline job and computer that last published this post.' ),
				'auth_callback' => static function ( $allowed, $meta_key, $post_id ) {
					return current_user_can( 'edit_post', $post_id );
				},
				'show_in_rest'  => array(
					'schema' => array(
						'type'    => 'string',
						'context' => array( 'edit' ),
					),
				),
			)
		)
	);
}
add_action( 'init', 'dateline_companion_register_meta' );

/**
 * Registers the article fields WordPress has no place for, as public plain-text post meta.
 */
function dateline_companion_register_article_meta() {
	$fields = array(
		'dateline_subheadline'        => __( 'The subheadline of the Dateline article.' ),
		'dateline_source'             => __( 'The paper or agency the story comes from (稿源).' ),
		'dateline_responsible_editor' => __( 'The editor responsible for the story (责任编辑).' ),
	);
	foreach ( $fields as $key => $description ) {
		register_post_meta(
			'post',
			$key,
			array(
				'type'              => 'string',
				'single'            => true,
				'show_in_rest'      => true,
				'default'           => '',
				'description'       => $description,
				'sanitize_callback' => static function ( $value ) {
					return mb_substr( sanitize_text_field( (string) $value ), 0, 1000 );
				},
				'auth_callback'     => static function ( $allowed, $meta_key, $post_id ) {
					return current_user_can( 'edit_post', $post_id );
				},
			)
		);
	}
}
add_action( 'init', 'dateline_companion_register_article_meta' );

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

/** The largest review package accepted, in base64 characters (about 12 MB of JSON). */
const DATELINE_COMPANION_MAX_PACKAGE = 16777216;

/**
 * Registers the review package and its revision counter: edit context only.
 */
function dateline_companion_register_review_meta() {
	register_post_meta(
		'post',
		'dateline_review',
		array(
			'type'              => 'string',
			'single'            => true,
			'default'           => '',
			'description'       => __( 'The Dateline review package of this post (base64 of JSON).' ),
			'sanitize_callback' => 'dateline_companion_sanitize_base64',
			'auth_callback'     => static function ( $allowed, $meta_key, $post_id ) {
				return current_user_can( 'edit_post', $post_id );
			},
			'show_in_rest'      => array(
				'schema' => array(
					'type'    => 'string',
					'context' => array( 'edit' ),
				),
			),
		)
	);

	register_post_meta(
		'post',
		'dateline_hub_revision',
		array(
			'type'          => 'integer',
			'single'        => true,
			'default'       => 0,
			'description'   => __( 'How many times Dateline saved the review package of this post.' ),
			// Only this plugin writes it (update_post_meta below does not ask).
			'auth_callback' => '__return_false',
			'show_in_rest'  => array(
				'schema' => array(
					'type'    => 'integer',
					'context' => array( 'edit' ),
				),
			),
		)
	);
}
add_action( 'init', 'dateline_companion_register_review_meta' );

/**
 * Removes the review package, its revision and who last published from a post's REST answer unless the person asking
 * may edit that post: `context=edit` on a collection needs only `edit_posts`, so without this a
 * Contributor listing posts would read every published post's history, notes and comments.
 *
 * @param WP_REST_Response $response The answer about one post.
 * @param WP_Post          $post     The post.
 * @return WP_REST_Response
 */
function dateline_companion_hide_review_meta( $response, $post ) {
	if ( ! $response instanceof WP_REST_Response || ! $post instanceof WP_Post ) {
		return $response;
	}
	$data = $response->get_data();
	if ( ! is_array( $data ) || ! isset( $data['meta'] ) || ! is_array( $data['meta'] ) ) {
		return $response;
	}
	if ( ! array_key_exists( 'dateline_review', $data['meta'] ) && ! array_key_exists( 'dateline_hub_revision', $data['meta'] ) && ! array_key_exists( 'dateline_publisher', $data['meta'] ) ) {
		return $response;
	}
	if ( current_user_can( 'edit_post', $post->ID ) ) {
		return $response;
	}
	unset( $data['meta']['dateline_review'], $data['meta']['dateline_hub_revision'], $data['meta']['dateline_publisher'] );
	$response->set_data( $data );
	return $response;
}
add_filter( 'rest_prepare_post', 'dateline_companion_hide_review_meta', 10, 2 );

/**
 * Keeps only base64 characters; anything else means the package was damaged on the way.
 *
 * @param mixed $value The submitted value.
 * @return string
 */
function dateline_companion_sanitize_base64( $value ) {
	$value = is_scalar( $value ) ? (string) $value : '';
	return preg_match( '#^[A-Za-z0-9+/]*={0,2}$#', $value ) ? $value : '';
}

/**
 * The posts (not trashed) that carry a Dateline article id, straight from the database.
 *
 * @param string $article The article id.
 * @return int[]
 */
function dateline_companion_posts_for_article( $article ) {
	global $wpdb;
	$ids = $wpdb->get_col(
		$wpdb->prepare(
			"SELECT p.ID FROM {$wpdb->posts} p INNER JOIN {$wpdb->postmeta} m ON m.post_id = p.ID
			 WHERE m.meta_key = 'dateline_document' AND m.meta_value = %s AND p.post_type = 'post'
			 AND p.post_status NOT IN ('trash', 'auto-draft', 'inherit') ORDER BY p.ID",
			$article
		)
	);
	return array_map( 'intval', $ids );
}

/**
 * The stored review revision of a post, read past any object cache.
 *
 * @param int $post_id The post.
 * @return int
 */
function dateline_companion_stored_revision( $post_id ) {
	global $wpdb;
	$value = $wpdb->get_var(
		$wpdb->prepare(
			"SELECT meta_value FROM {$wpdb->postmeta} WHERE post_id = %d AND meta_key = 'dateline_hub_revision' ORDER BY meta_id DESC LIMIT 1",
			$post_id
		)
	);
	return null === $value ? 0 : (int) $value;
}

/**
 * The lock held by this request, its post and the revision it will write.
 *
 * @var array|null
 */
$GLOBALS['dateline_companion_review_write'] = null;

/**
 * Releases the review lock this request holds, if any.
 */
function dateline_companion_release_review_lock() {
	global $wpdb;
	$write = $GLOBALS['dateline_companion_review_write'];
	if ( is_array( $write ) && ! empty( $write['lock'] ) ) {
		$wpdb->query( $wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', $write['lock'] ) );
	}
	$GLOBALS['dateline_companion_review_write'] = null;
}
add_action( 'shutdown', 'dateline_companion_release_review_lock' );

/**
 * A 409 answer about the review package, with the revision WordPress holds.
 *
 * @param string $message  What happened.
 * @param int    $revision The stored revision.
 * @param int    $post_id  The post, 0 if none.
 * @return WP_Error
 */
function dateline_companion_conflict( $message, $revision, $post_id ) {
	dateline_companion_release_review_lock();
	return new WP_Error(
		'dateline_review_conflict',
		$message,
		array(
			'status'      => 409,
			'hubRevision' => $revision,
			'postId'      => $post_id,
		)
	);
}

/**
 * Compare-and-swap for review packages: before WordPress saves a post that carries one, take the
 * article's lock and check the revision the writer started from. The lock is held until the
 * request has been answered (or PHP ends), so no other writer can check in between.
 *
 * @param mixed           $response Result so far (an error stops here).
 * @param array           $handler  The route handler.
 * @param WP_REST_Request $request  The request.
 * @return mixed
 */
function dateline_companion_review_before( $response, $handler, $request ) {
	global $wpdb;
	if ( is_wp_error( $response ) || ! in_array( $request->get_method(), array( 'POST', 'PUT', 'PATCH' ), true ) ) {
		return $response;
	}
	if ( ! preg_match( '#^/wp/v2/posts(?:/(\d+))?$#', $request->get_route(), $match ) ) {
		return $response;
	}
	$meta        = $request->get_param( 'meta' );
	$has_package = is_array( $meta ) && array_key_exists( 'dateline_review', $meta );
	$base        = $request->get_param( 'dateline_base_revision' );
	if ( ! $has_package && null === $base ) {
		return $response;
	}
	$post_id = isset( $match[1] ) ? (int) $match[1] : 0;
	// People who may not write this post get WordPress's own refusal.
	if ( $post_id ? ! current_user_can( 'edit_post', $post_id ) : ! current_user_can( 'edit_posts' ) ) {
		return $response;
	}
	$article = is_array( $meta ) && isset( $meta['dateline_document'] ) ? dateline_companion_sanitize_marker( $meta['dateline_document'] ) : '';
	if ( ! $has_package || ! is_numeric( $base ) || (int) $base < 0 || '' === $article ) {
		return new WP_Error(
			'dateline_review_bad_request',
			__( 'A Dateline review package must be sent with meta.dateline_document and dateline_base_revision (0 for a new one).' ),
			array( 'status' => 400 )
		);
	}
	$package = (string) $meta['dateline_review'];
	if ( '' === $package || strlen( $package ) > DATELINE_COMPANION_MAX_PACKAGE ) {
		return new WP_Error( 'dateline_review_too_large', __( 'The Dateline review package is empty or larger than this site accepts.' ), array( 'status' => 413 ) );
	}
	$decoded = json_decode( (string) base64_decode( $package, true ), true );
	if ( ! is_array( $decoded ) || ! isset( $decoded['hubRevision'] ) ) {
		return new WP_Error( 'dateline_review_bad_request', __( 'The Dateline review package is not base64 of JSON.' ), array( 'status' => 400 ) );
	}
	$base = (int) $base;

	$lock = 'dateline_review_' . md5( $article );
	if ( '1' !== (string) $wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, %d)', $lock, 15 ) ) ) {
		return new WP_Error(
			'dateline_review_busy',
			__( 'Someone else is saving this article in WordPress right now; try again in a moment.' ),
			array( 'status' => 409 )
		);
	}
	$GLOBALS['dateline_companion_review_write'] = array( 'lock' => $lock );

	if ( $post_id ) {
		$owner = get_post_meta( $post_id, 'dateline_document', true );
		if ( '' !== $owner && $owner !== $article ) {
			return dateline_companion_conflict( __( 'This post belongs to another Dateline article.' ), dateline_companion_stored_revision( $post_id ), $post_id );
		}
		$current = dateline_companion_stored_revision( $post_id );
	} else {
		// A new post for an article that already has one would be its twin.
		$existing = dateline_companion_posts_for_article( $article );
		if ( $existing ) {
			return dateline_companion_conflict(
				sprintf(
					/* translators: %d: post id. */
					__( 'This article is already in WordPress (post %d); it was sent by someone else since it was opened.' ),
					$existing[0]
				),
				dateline_companion_stored_revision( $existing[0] ),
				$existing[0]
			);
		}
		$current = 0;
	}
	if ( $current !== $base ) {
		return dateline_companion_conflict(
			sprintf(
				/* translators: 1: stored revision, 2: the writer's base revision. */
				__( 'Someone else saved this article in WordPress since it was opened (revision %1$d, not %2$d).' ),
				$current,
				$base
			),
			$current,
			$post_id
		);
	}
	if ( (int) $decoded['hubRevision'] !== $base + 1 ) {
		return dateline_companion_conflict( __( 'The Dateline review package does not carry the next revision.' ), $current, $post_id );
	}
	$GLOBALS['dateline_companion_review_write'] = array(
		'lock'     => $lock,
		'post'     => $post_id,
		'revision' => $base + 1,
	);
	return $response;
}
add_filter( 'rest_request_before_callbacks', 'dateline_companion_review_before', 10, 3 );

/**
 * Once WordPress saved the post and its meta, the revision moves on (still under the lock).
 *
 * @param WP_Post $post The saved post.
 */
function dateline_companion_review_saved( $post ) {
	$write = $GLOBALS['dateline_companion_review_write'];
	if ( ! is_array( $write ) || ! isset( $write['revision'] ) ) {
		return;
	}
	if ( $write['post'] && (int) $write['post'] !== (int) $post->ID ) {
		return;
	}
	update_post_meta( $post->ID, 'dateline_hub_revision', $write['revision'] );
}
add_action( 'rest_after_insert_post', 'dateline_companion_review_saved' );

/**
 * Releases the lock as soon as the answer is ready.
 *
 * @param mixed $response The answer.
 * @return mixed
 */
function dateline_companion_review_after( $response ) {
	dateline_companion_release_review_lock();
	return $response;
}
add_filter( 'rest_request_after_callbacks', 'dateline_companion_review_after', 10, 1 );

/**
 * The collection parameters that find Dateline's posts.
 *
 * @param array $params Collection parameters of /wp/v2/posts.
 * @return array
 */
function dateline_companion_collection_params( $params ) {
	$params['dateline_document'] = array(
		'description'       => __( 'Only posts of this Dateline article.' ),
		'type'              => 'string',
		'sanitize_callback' => 'dateline_companion_sanitize_marker',
	);
	$params['dateline_article']  = array(
		'description'       => __( 'Only posts published from this Dateline article.' ),
		'type'              => 'string',
		'sanitize_callback' => 'dateline_companion_sanitize_marker',
	);
	$params['dateline_review']   = array(
		'description' => __( 'Only posts with (or without) a Dateline review package.' ),
		'type'        => 'string',
		'enum'        => array( 'with', 'without' ),
	);
	return $params;
}
add_filter( 'rest_post_collection_params', 'dateline_companion_collection_params' );

/**
 * Narrows the posts query; for people who may not edit posts these parameters find nothing.
 *
 * @param array           $args    WP_Query arguments.
 * @param WP_REST_Request $request The request.
 * @return array
 */
function dateline_companion_post_query( $args, $request ) {
	$document = $request->get_param( 'dateline_document' );
	$article  = $request->get_param( 'dateline_article' );
	$review   = $request->get_param( 'dateline_review' );
	if ( ( null === $document || '' === $document ) && ( null === $article || '' === $article ) && null === $review ) {
		return $args;
	}
	if ( ! current_user_can( 'edit_posts' ) ) {
		$args['post__in'] = array( 0 );
		return $args;
	}
	$meta_query = isset( $args['meta_query'] ) && is_array( $args['meta_query'] ) ? $args['meta_query'] : array();
	if ( null !== $document && '' !== $document ) {
		$meta_query[] = array(
			'key'   => 'dateline_document',
			'value' => $document,
		);
	}
	if ( null !== $article && '' !== $article ) {
		$meta_query[] = array(
			'key'   => 'dateline_article',
			'value' => $article,
		);
	}
	if ( 'with' === $review ) {
		$meta_query[] = array(
			'key'     => 'dateline_review',
			'compare' => 'EXISTS',
		);
	} elseif ( 'without' === $review ) {
		$meta_query[] = array(
			'key'     => 'dateline_review',
			'compare' => 'NOT EXISTS',
		);
	}
	$args['meta_query'] = $meta_query;
	return $args;
}
add_filter( 'rest_post_query', 'dateline_companion_post_query', 10, 2 );

/**
 * The plugin's own routes.
 */
function dateline_companion_register_routes() {
	register_rest_route(
		'dateline/v1',
		'/companion',
		array(
			'methods'             => 'GET',
			'permission_callback' => static function () {
				return current_user_can( 'edit_posts' );
			},
			'callback'            => static function () {
				return array(
					'version'        => '2.3.0',
					'features'       => array( 'review-package', 'review-photos', 'article-identity' ),
					// The largest file this site accepts (upload_max_filesize, post_max_size), for messages.
					'maxUploadBytes' => (int) wp_max_upload_size(),
				);
			},
		)
	);
	register_rest_route(
		'dateline/v1',
		'/photos',
		array(
			'methods'             => 'POST',
			'permission_callback' => static function () {
				return current_user_can( 'edit_posts' );
			},
			'args'                => array(
				'media_id' => array(
					'type'     => 'string',
					'required' => true,
					'pattern'  => '^[0-9a-f]{64}\\.(jpg|png|gif|webp|avif)$',
				),
				'alt'      => array(
					'type'    => 'string',
					'default' => '',
				),
				'title'    => array(
					'type'    => 'string',
					'default' => '',
				),
			),
			'callback'            => 'dateline_companion_store_photo',
		)
	);
}
add_action( 'rest_api_init', 'dateline_companion_register_routes' );

/**
 * The answer about one stored photo.
 *
 * @param int $id The attachment.
 * @return array
 */
function dateline_companion_photo_reply( $id ) {
	$url      = wp_get_attachment_url( $id );
	$original = function_exists( 'wp_get_original_image_url' ) ? wp_get_original_image_url( $id ) : false;
	return array(
		'id'           => (int) $id,
		'slug'         => get_post_field( 'post_name', $id ),
		'source_url'   => $url,
		'original_url' => $original ? $original : $url,
	);
}

/**
 * The sha256 of an attachment's original file (before WordPress scaled it), or '' when unreadable.
 *
 * @param int $id The attachment.
 * @return string
 */
function dateline_companion_attachment_hash( $id ) {
	$file = function_exists( 'wp_get_original_image_path' ) ? wp_get_original_image_path( $id ) : false;
	if ( ! $file ) {
		$file = get_attached_file( $id );
	}
	if ( ! $file || ! is_file( $file ) || ! is_readable( $file ) ) {
		return '';
	}
	$hash = hash_file( 'sha256', $file );
	return is_string( $hash ) ? $hash : '';
}

/**
 * Attachments that may already hold a photo: those this plugin stored for its hash, then the one
 * with its marker slug (stored by a Dateline publish, or by anyone who may upload).
 *
 * @param string $slug The marker slug, dateline-<first 16 hex>.
 * @param string $hash The photo's sha256.
 * @return int[]
 */
function dateline_companion_photo_candidates( $slug, $hash ) {
	$by_hash = get_posts(
		array(
			'post_type'   => 'attachment',
			'post_status' => 'inherit',
			'meta_key'    => '_dateline_sha256', // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_key
			'meta_value'  => $hash, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_value
			'orderby'     => 'ID',
			'order'       => 'ASC',
			'numberposts' => 5,
			'fields'      => 'ids',
		)
	);
	$by_slug = get_posts(
		array(
			'post_type'   => 'attachment',
			'post_status' => 'inherit',
			'name'        => $slug,
			'numberposts' => 1,
			'fields'      => 'ids',
		)
	);
	return array_values( array_unique( array_map( 'intval', array_merge( $by_hash, $by_slug ) ) ) );
}

/**
 * Stores a photo of an article under review once, checking that it is the photo it claims to be.
 *
 * @param WP_REST_Request $request The request; the body is the photo's bytes.
 * @return array|WP_Error
 */
function dateline_companion_store_photo( $request ) {
	global $wpdb;
	$media_id = $request->get_param( 'media_id' );
	$slug     = 'dateline-' . substr( $media_id, 0, 16 );
	$lock     = 'dateline_photo_' . $slug;
	if ( '1' !== (string) $wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, %d)', $lock, 30 ) ) ) {
		return new WP_Error( 'dateline_photo_busy', __( 'This photo is being stored by someone else right now; try again in a moment.' ), array( 'status' => 409 ) );
	}
	try {
		$hash = substr( $media_id, 0, 64 );
		// Reused only when its file is this very photo; otherwise a new attachment is stored (WordPress names it <slug>-2).
		foreach ( dateline_companion_photo_candidates( $slug, $hash ) as $candidate ) {
			if ( hash_equals( $hash, dateline_companion_attachment_hash( $candidate ) ) ) {
				if ( get_post_meta( $candidate, '_dateline_sha256', true ) !== $hash ) {
					update_post_meta( $candidate, '_dateline_sha256', $hash );
				}
				return dateline_companion_photo_reply( $candidate );
			}
		}
		$bytes = $request->get_body();
		if ( '' === $bytes ) {
			return new WP_Error( 'dateline_photo_empty', __( 'No photo was sent.' ), array( 'status' => 400 ) );
		}
		if ( strlen( $bytes ) > wp_max_upload_size() ) {
			return new WP_Error( 'dateline_photo_too_large', __( 'The photo is larger than this site accepts.' ), array( 'status' => 413 ) );
		}
		if ( hash( 'sha256', $bytes ) !== $hash ) {
			return new WP_Error( 'dateline_photo_damaged', __( 'The photo arrived damaged: its bytes do not match its name.' ), array( 'status' => 400 ) );
		}
		$extension = substr( $media_id, 65 );
		$stored    = wp_upload_bits( $slug . '.' . $extension, null, $bytes );
		if ( ! empty( $stored['error'] ) ) {
			return new WP_Error( 'dateline_photo_not_stored', $stored['error'], array( 'status' => 500 ) );
		}
		$mime = wp_get_image_mime( $stored['file'] );
		$type = wp_check_filetype( $stored['file'] );
		if ( ! $mime || $mime !== $type['type'] ) {
			wp_delete_file( $stored['file'] );
			return new WP_Error( 'dateline_photo_not_image', __( 'Only photos (JPEG, PNG, GIF, WebP, AVIF) whose content matches their type are accepted.' ), array( 'status' => 415 ) );
		}
		$title = sanitize_text_field( $request->get_param( 'title' ) );
		$id    = wp_insert_attachment(
			array(
				'post_mime_type' => $mime,
				'post_title'     => '' !== $title ? $title : $slug,
				'post_name'      => $slug,
				'post_content'   => '',
				'post_status'    => 'inherit',
			),
			$stored['file'],
			0,
			true
		);
		if ( is_wp_error( $id ) ) {
			wp_delete_file( $stored['file'] );
			return $id;
		}
		require_once ABSPATH . 'wp-admin/includes/image.php';
		wp_update_attachment_metadata( $id, wp_generate_attachment_metadata( $id, $stored['file'] ) );
		update_post_meta( $id, '_dateline_sha256', $hash );
		$alt = sanitize_text_field( $request->get_param( 'alt' ) );
		if ( '' !== $alt ) {
			update_post_meta( $id, '_wp_attachment_image_alt', $alt );
		}
		return dateline_companion_photo_reply( $id );
	} finally {
		$wpdb->query( $wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', $lock ) );
	}
}
