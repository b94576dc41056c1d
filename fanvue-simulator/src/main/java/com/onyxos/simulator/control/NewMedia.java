package com.onyxos.simulator.control;

/** A media item to add to a creator's vault, optionally into a folder; type defaults to image, name may be null. */
public record NewMedia(String folderName, String mediaType, String name) {}
