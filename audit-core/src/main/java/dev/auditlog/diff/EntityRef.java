package dev.auditlog.diff;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A reference to another entity in a snapshot: a to-one association or a collection
 * element. Two references are equal when their ids are; the representation only serves to
 * show the reference.
 *
 * @param id the target's identifier
 * @param repr the target's {@code toString()}, or {@code null} when it was not taken (a
 * lazy association is never initialised to get it)
 * @since 0.1.0
 */
public record EntityRef(Object id, @Nullable String repr) {

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof EntityRef ref && this.id.equals(ref.id));
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(this.id);
	}

}
