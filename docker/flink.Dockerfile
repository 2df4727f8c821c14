# The Flink JobManager and TaskManagers: the official image, with the folders the set shares
# (checkpoints, query logs) owned by the image's flink user, so that named volumes mounted there
# start out writable.
FROM flink:2.2.0-java17

RUN mkdir -p /data/checkpoints /data/query-logs && chown -R flink:flink /data
