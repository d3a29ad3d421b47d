package org.footprintledger.usage.api;

/** How far a running import has read its file (bytes of the file as stored, compressed or not). */
public record ImportProgress(long bytesRead, long totalBytes, long rowsRead) {

    public double fraction() {
        return totalBytes == 0 ? 1 : Math.min(1, (double) bytesRead / totalBytes);
    }
}
