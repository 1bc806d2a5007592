set -e
echo $(( 1 / 0 ))
