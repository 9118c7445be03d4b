/**
 * Model files.
 *
 * <p>{@link org.seqlab.core.io.ParameterFile} stores named float32/float64 tensors with string
 * metadata: an 8-byte magic, a format version, the payload length, the little-endian payload and a
 * CRC32 of the payload. Readers reject a wrong magic, a newer version, a short file and a checksum
 * mismatch with an {@link java.io.IOException} naming the path. {@link
 * org.seqlab.core.io.AtomicFiles} writes to a temporary file in the target directory and renames it
 * over the target ({@code ATOMIC_MOVE}), so readers never see a half-written file. Each format
 * version has a golden file in the tests that must keep loading.
 */
package org.seqlab.core.io;
