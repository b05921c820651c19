package dev.lifeline.monitor.catalog;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The platforms a tenant's business depends on (replaces the previous list). */
public record DependenciesRequest(@NotNull @Size(max = 100) List<String> platformIds) {}
