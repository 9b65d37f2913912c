#!/bin/sh
# make-clips.sh - makes the video test clips with ffmpeg into DIR: good
# clips of each kind the player meets, and broken files it must survive.
set -eu

dir=${1:?usage: make-clips.sh DIR}
mkdir -p "$dir"
cd "$dir"

ff() {
    ffmpeg -nostdin -hide_banner -loglevel error -y "$@"
}

# Good clips: 2 s, testsrc2 (moving, with a frame counter), 30 fps.
ff -f lavfi -i testsrc2=size=1280x720:rate=30:duration=2 \
   -f lavfi -i sine=frequency=440:sample_rate=48000:duration=2 \
   -c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 30 \
   -c:a aac -b:a 64k -shortest h264-720-audio.mp4
ff -f lavfi -i testsrc2=size=1920x1080:rate=30:duration=2 \
   -c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 30 h264-1080.mp4
ff -f lavfi -i testsrc2=size=640x360:rate=30:duration=2 \
   -f lavfi -i sine=frequency=660:sample_rate=48000:duration=2 \
   -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 400k -g 30 \
   -c:a libopus -b:a 48k -shortest vp9-audio.webm
ff -f lavfi -i testsrc2=size=720x1280:rate=30:duration=2 \
   -c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 30 portrait.mp4
ff -f lavfi -i testsrc2=size=640x360:rate=30 -frames:v 1 \
   -c:v libx264 -preset ultrafast -pix_fmt yuv420p one-frame.mp4

# Broken files: an interrupted copy (the index is at the end, so it is
# missing), random bytes named .mp4, an empty file.
ff -f lavfi -i testsrc2=size=640x360:rate=30:duration=2 \
   -c:v libx264 -preset ultrafast -pix_fmt yuv420p whole.mp4
size=$(wc -c < whole.mp4)
head -c $((size / 2)) whole.mp4 > truncated.mp4
rm -f whole.mp4
head -c 200000 /dev/urandom > random.mp4
: > empty.mp4
