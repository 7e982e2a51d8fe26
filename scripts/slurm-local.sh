#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A single-node Slurm on this machine for the tests (Debian's slurm-wlm and munge, no GPU gres):
#   scripts/slurm-local.sh start   installs what is missing, starts munged, slurmctld and slurmd
#                                  under /tmp/clozescope-slurm, and prints the SLURM_CONF to use
#   scripts/slurm-local.sh stop    stops them
# Run as root (or with sudo): the daemons run as root, as in a throwaway test machine.
set -euo pipefail
DIR=/tmp/clozescope-slurm
CONF=$DIR/slurm.conf
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"

stop() {
    for pid in "$DIR"/run/slurmd.pid "$DIR"/run/slurmctld.pid "$DIR"/munge/munged.pid; do
        [ -f "$pid" ] && $SUDO kill "$(cat "$pid")" 2>/dev/null || true
    done
    for _ in $(seq 1 50); do
        pgrep -f "slurm(ctld|d) -f $CONF" >/dev/null || break
        sleep 0.1
    done
}

start() {
    missing=()
    for p in slurmctld slurmd slurm-client munge; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "slurm-local: installing ${missing[*]}" >&2
        $SUDO apt-get update -q >&2
        DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends \
            "${missing[@]}" >&2
    fi
    stop
    $SUDO mkdir -p "$DIR"/{spool,state,log,munge,run}
    $SUDO chmod 700 "$DIR/munge"
    [ -f "$DIR/munge/munge.key" ] ||
        $SUDO dd if=/dev/urandom of="$DIR/munge/munge.key" bs=1024 count=1 status=none
    $SUDO chmod 400 "$DIR/munge/munge.key"
    $SUDO munged --key-file="$DIR/munge/munge.key" --socket="$DIR/munge/munge.socket" \
        --pid-file="$DIR/munge/munged.pid" --log-file="$DIR/log/munged.log" \
        --seed-file="$DIR/munge/seed" --force
    local host cpus mem
    host=$(hostname -s)
    cpus=$(nproc)
    mem=$(($(awk '/MemTotal/{print $2}' /proc/meminfo) / 1024 - 1024))
    $SUDO tee "$CONF" >/dev/null <<CONF
ClusterName=clozescope
SlurmctldHost=$host
AuthType=auth/munge
AuthInfo=socket=$DIR/munge/munge.socket
CryptoType=crypto/munge
SlurmUser=root
SlurmdUser=root
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/run/slurmctld.pid
SlurmdPidFile=$DIR/run/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
    $SUDO slurmctld -f "$CONF"
    $SUDO slurmd -f "$CONF"
    for _ in $(seq 1 100); do
        SLURM_CONF=$CONF sinfo -h -o %T 2>/dev/null | grep -qE "idle|mixed" && break
        sleep 0.1
    done
    SLURM_CONF=$CONF sinfo -h -o %T | grep -qE "idle|mixed" ||
        { echo "slurm-local: the node did not come up; see $DIR/log" >&2; exit 1; }
    echo "$CONF"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
*) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
