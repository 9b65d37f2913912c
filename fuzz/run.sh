#!/bin/sh
# run.sh - runs libFuzzer harnesses one after the other and prints a
# summary. Usage: sh fuzz/run.sh BUILD SECONDS NAME... (see mk/fuzz.mk)
set -u

build=$1
seconds=$2
shift 2
failed=0
summary=""

for name in "$@"; do
    bin="$build/fuzz_$name"
    work="$build/corpus/$name"
    crashes="$build/crashes"
    log="$build/fuzz_$name.log"
    mkdir -p "$work" "$crashes"
    [ -x "$bin" ] || { echo "run.sh: no $bin" >&2; exit 2; }

    # New inputs go to the build's corpus; fuzz/corpus/ holds the seeds.
    set -- -max_total_time="$seconds" -artifact_prefix="$crashes/$name-" \
        -print_final_stats=1
    [ -f "fuzz/$name.dict" ] && set -- "$@" -dict="fuzz/$name.dict"
    [ -f "fuzz/$name.options" ] && set -- "$@" $(cat "fuzz/$name.options")
    echo "fuzz: $name for ${seconds} s (log: $log)"
    if "$bin" "$@" "$work" "fuzz/corpus/$name" >"$log" 2>&1; then
        status=ok
    else
        status=FAILED
        failed=$((failed + 1))
    fi

    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
    corp=$(ls "$work" | wc -l)
    line=$(printf '%-9s %-7s %10s runs %7s exec/s  cov %5s  corpus %5s' \
        "$name" "$status" "${runs:-?}" "${rate:-?}" "${cov:-?}" "$corp")
    summary="$summary$line
"
    [ $status = ok ] || grep -m 3 -E 'ERROR|runtime error|SUMMARY' "$log"
done

echo "---- fuzz summary (${seconds} s each) ----"
printf '%s' "$summary"
[ $failed = 0 ] || { echo "$failed harness(es) failed; inputs in $build/crashes/"; exit 1; }
