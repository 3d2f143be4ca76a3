/** Units shared by every command: shares of a whole written as fractions or percentages. */
package io.keyframe.scoring.units;
