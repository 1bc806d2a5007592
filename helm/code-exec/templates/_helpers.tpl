{{/*
Chart name, overridable by nameOverride.
*/}}
{{- define "code-exec.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name of the release's objects: fullnameOverride, else the release name when it contains
the chart name, else "<release>-<chart>". Truncated to 63 characters (DNS label).
*/}}
{{- define "code-exec.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "code-exec.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels of every object.
*/}}
{{- define "code-exec.labels" -}}
helm.sh/chart: {{ include "code-exec.chart" . }}
{{ include "code-exec.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Labels that select the pods (immutable once deployed).
*/}}
{{- define "code-exec.selectorLabels" -}}
app.kubernetes.io/name: {{ include "code-exec.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Name of the ServiceAccount.
*/}}
{{- define "code-exec.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "code-exec.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The service image, tag defaulting to the chart's appVersion.
*/}}
{{- define "code-exec.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag | toString) }}
{{- end }}

{{/*
The engine mode, checked: dind, hostSocket or remote.
*/}}
{{- define "code-exec.engineMode" -}}
{{- $mode := .Values.engine.mode }}
{{- if not (has $mode (list "dind" "hostSocket" "remote")) }}
{{- fail (printf "engine.mode must be dind, hostSocket or remote, not %q" $mode) }}
{{- end }}
{{- $mode }}
{{- end }}

{{/*
DOCKER_HOST of the service for the engine mode.
*/}}
{{- define "code-exec.dockerHost" -}}
{{- $mode := include "code-exec.engineMode" . }}
{{- if eq $mode "dind" }}
{{- "tcp://localhost:2375" }}
{{- else if eq $mode "hostSocket" }}
{{- "unix:///var/run/docker.sock" }}
{{- else }}
{{- required "engine.remote.host is required when engine.mode=remote" .Values.engine.remote.host }}
{{- end }}
{{- end }}

{{/*
Port of the remote engine, from engine.remote.host (tcp://host:port; 2376 when absent).
*/}}
{{- define "code-exec.remotePort" -}}
{{- $url := urlParse (required "engine.remote.host is required when engine.mode=remote" .Values.engine.remote.host) }}
{{- $parts := splitList ":" $url.host }}
{{- if gt (len $parts) 1 }}{{ last $parts }}{{ else }}2376{{ end }}
{{- end }}

{{/*
Name of the Secret holding the API keys ("" when there are none).
*/}}
{{- define "code-exec.apiKeysSecret" -}}
{{- if .Values.apiKeys.existingSecret }}
{{- .Values.apiKeys.existingSecret }}
{{- else if .Values.apiKeys.keys }}
{{- printf "%s-api-keys" (include "code-exec.fullname" .) }}
{{- end }}
{{- end }}

{{/*
Runs at once derived from the dind sidecar's CPU limit ("" when not in dind mode, without a CPU
limit, or when config sets CODE_EXEC_EXECUTION_MAX_CONCURRENT): floor(limit / per-run CPUs), at least 1.
*/}}
{{- define "code-exec.maxConcurrent" -}}
{{- $limit := dig "limits" "cpu" "" (.Values.engine.dind.resources | default dict) | toString }}
{{- if and (eq .Values.engine.mode "dind") $limit (not (hasKey .Values.config "CODE_EXEC_EXECUTION_MAX_CONCURRENT")) }}
{{- $cores := 0.0 }}
{{- if hasSuffix "m" $limit }}
{{- $cores = divf (trimSuffix "m" $limit | float64) 1000 }}
{{- else }}
{{- $cores = float64 $limit }}
{{- end }}
{{- $quota := float64 (default "1" (get .Values.config "CODE_EXEC_LIMITS_CPUS")) }}
{{- max 1 (floor (divf $cores $quota) | int) }}
{{- end }}
{{- end }}
